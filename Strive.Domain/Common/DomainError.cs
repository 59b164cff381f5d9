namespace Strive.Domain.Common;

/// <summary>What kind of refusal an outcome carries; callers map it to a status code or a message.</summary>
public enum ErrorKind
{
    Invalid,
    Forbidden,
    NotFound,
    Conflict,
}

/// <summary>
/// A refusal the caller must handle. <see cref="Message"/> is the documented, user-readable text
/// (the API returns it verbatim as <c>{"error": message}</c>).
/// </summary>
public sealed record DomainError(ErrorKind Kind, string Message)
{
    public static DomainError Invalid(string message) => new(ErrorKind.Invalid, message);
    public static DomainError Forbidden(string message) => new(ErrorKind.Forbidden, message);
    public static DomainError NotFound(string message) => new(ErrorKind.NotFound, message);
    public static DomainError Conflict(string message) => new(ErrorKind.Conflict, message);
}
