namespace Strive.Domain.Common;

/// <summary>What kind of refusal an outcome carries; callers map it to a status code or a message.</summary>
public enum ErrorKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,

    /// <summary>The caller's condition on the version (If-Match) no longer holds; nothing was changed.</summary>
    PreconditionFailed,

    /// <summary>The input is larger than the operation takes (an upload past its limit).</summary>
    TooLarge,
}

/// <summary>
/// A refusal the caller must handle. <see cref="Message"/> is the documented text for API clients (the
/// API returns it verbatim as <c>{"error": message}</c>); <see cref="PersonMessage"/> is the same refusal
/// worded for a person in the browser; <see cref="Field"/> names the input it concerns, so a form can mark
/// it; <see cref="Code"/> is stable, for callers that branch on the refusal. Each feature keeps its
/// refusals in one catalogue beside it (<c>MilestoneErrors</c>, <c>GoalErrors</c>, ...), so each documented
/// string is written once.
/// </summary>
public sealed record DomainError(ErrorKind Kind, string Message)
{
    /// <summary>Stable identifier, <c>feature.reason</c>; <c>request.invalid</c> and the like for an ad-hoc refusal.</summary>
    public string Code { get; init; } = "request." + Kind.ToString().ToLowerInvariant();

    /// <summary>The request or form field the refusal is about (its API name), or null when it is about none.</summary>
    public string? Field { get; init; }

    /// <summary>A sentence for people; the API message when none was written (ad-hoc refusals only).</summary>
    public string PersonMessage { get; init; } = Message;

    /// <summary>For <see cref="ErrorKind.PreconditionFailed"/>: the version stored now, so the caller can re-read or retry.</summary>
    public Guid? CurrentVersion { get; init; }

    /// <summary>A catalogue entry: the documented message, the field, a stable code and the sentence for people.</summary>
    public static DomainError Define(ErrorKind kind, string code, string? field, string message, string personMessage) =>
        new(kind, message) { Code = code, Field = field, PersonMessage = personMessage };

    // Ad-hoc refusals without a catalogue entry: the host's request parsing ("Request body must be valid JSON").
    public static DomainError Invalid(string message) => new(ErrorKind.Invalid, message);
    public static DomainError Forbidden(string message) => new(ErrorKind.Forbidden, message);
    public static DomainError NotFound(string message) => new(ErrorKind.NotFound, message);
    public static DomainError Conflict(string message) => new(ErrorKind.Conflict, message);
}
