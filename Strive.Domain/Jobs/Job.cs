using Strive.Domain.Common;

namespace Strive.Domain.Jobs;

/// <summary>
/// One piece of work that must happen once (docs/decisions/012-once-only-work-in-a-job-table.md): a
/// reminder's next firing, a mail to send, the deadline scan, later a webhook delivery. An instance takes it by
/// a conditional update of the lease (<see cref="JobClaims.ClaimAsync"/>), so of several instances one wins; the
/// row survives a restart, and a lease whose holder died runs out and lets another instance take the job.
/// </summary>
public sealed class Job
{
    public const int KindMaxLength = 100;
    public const int KeyMaxLength = 200;
    public const int LeaseOwnerMaxLength = 100;
    public const int ErrorMaxLength = 1000;

    private Job() { } // EF Core

    internal Job(string kind, string key, DateTimeOffset dueAt, string? payload, DateTimeOffset now)
    {
        Id = Ids.New();
        Kind = kind;
        Key = key;
        DueAt = dueAt;
        Payload = payload;
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";

    /// <summary>Which handler runs it (<see cref="IJobHandler.Kind"/>).</summary>
    public string Kind { get; private set; } = "";

    /// <summary>Unique: what the job is about ("reminder:&lt;id&gt;"), so the same work is never queued twice.</summary>
    public string Key { get; private set; } = "";

    /// <summary>What the handler needs beyond the key (a mail's JSON), or null.</summary>
    public string? Payload { get; private set; }

    /// <summary>Not before this moment; a failure moves it on by the back-off.</summary>
    public DateTimeOffset DueAt { get; internal set; }

    /// <summary>The claim that holds the job now (instance and a fresh nonce), or null when free.</summary>
    public string? LeaseOwner { get; internal set; }

    public DateTimeOffset? LeaseExpiresAt { get; internal set; }

    /// <summary>Claims since the last success: what the back-off grows with.</summary>
    public int Attempts { get; internal set; }

    public string? LastError { get; internal set; }

    /// <summary>Set once the work is done for good; a recurring job is rescheduled instead.</summary>
    public DateTimeOffset? DoneAt { get; internal set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Due again at <paramref name="dueAt"/> (an edited reminder, a new deadline): free and fresh.</summary>
    internal void Reschedule(DateTimeOffset dueAt, string? payload)
    {
        DueAt = dueAt;
        Payload = payload;
        DoneAt = null;
        LeaseOwner = null;
        LeaseExpiresAt = null;
        Attempts = 0;
        LastError = null;
    }
}
