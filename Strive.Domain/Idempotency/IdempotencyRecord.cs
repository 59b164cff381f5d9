namespace Strive.Domain.Idempotency;

public enum IdempotencyState
{
    InProgress,
    Completed,
}

/// <summary>
/// One Idempotency-Key of one user (docs/api/API.md "Idempotent retries"): the request it was first sent with
/// (as a fingerprint), whether that request is still running, and once it has answered, the answer to replay.
/// The primary key (user, key) is the claim: inserting the row is what lets a request run.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyMaxLength = 255;
    public const int FingerprintLength = 64;
    public const int ContentTypeMaxLength = 200;
    public const int LocationMaxLength = 2048;
    public const int ETagMaxLength = 100;

    private IdempotencyRecord()
    {
    } // EF Core

    public IdempotencyRecord(string userId, string key, string fingerprint, DateTimeOffset now, TimeSpan lifetime)
    {
        UserId = userId;
        Key = key;
        Fingerprint = fingerprint;
        State = IdempotencyState.InProgress;
        CreatedAt = now;
        ExpiresAt = now + lifetime;
    }

    public string UserId { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 (hex) of method, path and body: a different request under the same key is refused.</summary>
    public string Fingerprint { get; private set; } = "";

    public IdempotencyState State { get; private set; }

    public int? StatusCode { get; private set; }

    public byte[]? Body { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? ETag { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public StoredResponse? Response => State == IdempotencyState.Completed && StatusCode is { } status
        ? new StoredResponse(status, Body ?? [], ContentType, Location, ETag)
        : null;
}

/// <summary>What a request answered, kept so a retry gets exactly the same.</summary>
public sealed record StoredResponse(int StatusCode, byte[] Body, string? ContentType, string? Location, string? ETag);
