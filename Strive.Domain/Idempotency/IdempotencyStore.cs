using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Persistence;

namespace Strive.Domain.Idempotency;

public enum IdempotencyOutcome
{
    /// <summary>This request holds the key now and runs; it must <see cref="IdempotencyStore.CompleteAsync"/> or release.</summary>
    Claimed,

    /// <summary>The key already answered this same request: replay <see cref="IdempotencyClaim.Response"/>.</summary>
    Replay,

    /// <summary>The key was used for a different method, path or body.</summary>
    DifferentRequest,

    /// <summary>The first request with this key has not answered yet.</summary>
    InProgress,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, StoredResponse? Response = null);

/// <summary>
/// Idempotency keys in the database, so they hold across every instance of the app. A request claims its key
/// by inserting the row (insert-first): the primary key (user, key) lets exactly one insert win, with no
/// lock held in any one process. The loser reads the winner's row and learns whether to replay, refuse as a
/// different request, or refuse as still in progress. An answered key lives 24 hours (docs/api/API.md
/// "Idempotent retries"); a claim still in progress holds the key only for <see cref="InProgressLease"/>, so a
/// request that crashed before it answered (and so never completed or released its claim) frees its key
/// within a minute instead of refusing every retry for a day.
/// </summary>
public sealed class IdempotencyStore(IDbContextFactory<StriveDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>How long a claim holds its key before its request answers; completing starts the 24 hours.</summary>
    public static readonly TimeSpan InProgressLease = TimeSpan.FromMinutes(1);

    public async Task<IdempotencyClaim> ClaimAsync(string userId, string key, string fingerprint,
        CancellationToken cancellationToken)
    {
        // Two rounds: the second follows the removal of an expired row that held the key.
        for (var round = 0; round < 2; round++)
        {
            var now = clock.Now();
            if (await TryInsertAsync(new IdempotencyRecord(userId, key, fingerprint, now, InProgressLease), cancellationToken))
            {
                return new IdempotencyClaim(IdempotencyOutcome.Claimed);
            }

            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var held = await db.IdempotencyRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
            if (held is null || held.ExpiresAt <= now)
            {
                // Expired (or just removed): free it, conditionally, so a fresh claim that beat us stays.
                await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.ExpiresAt <= now)
                    .ExecuteDeleteAsync(cancellationToken);
                continue;
            }

            if (!string.Equals(held.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return new IdempotencyClaim(IdempotencyOutcome.DifferentRequest);
            }

            return held.Response is { } response
                ? new IdempotencyClaim(IdempotencyOutcome.Replay, response)
                : new IdempotencyClaim(IdempotencyOutcome.InProgress);
        }

        // Someone claims and expires the key faster than we can look: treat it as busy.
        return new IdempotencyClaim(IdempotencyOutcome.InProgress);
    }

    /// <summary>Keeps the answer of the request that holds the claim, for its retries.</summary>
    public async Task CompleteAsync(string userId, string key, StoredResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var expiresAt = clock.Now() + Lifetime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyRecords
            .Where(r => r.UserId == userId && r.Key == key && r.State == IdempotencyState.InProgress)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, IdempotencyState.Completed)
                .SetProperty(r => r.ExpiresAt, expiresAt)
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.Body, response.Body)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Location, response.Location)
                .SetProperty(r => r.ETag, response.ETag), cancellationToken);
    }

    /// <summary>Frees a claimed key whose request did not produce its own outcome (401, 429, 5xx, a crash).</summary>
    public async Task ReleaseAsync(string userId, string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.IdempotencyRecords
            .Where(r => r.UserId == userId && r.Key == key && r.State == IdempotencyState.InProgress)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Removes every expired key; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.IdempotencyRecords.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>False when (user, key) is already taken: the unique key refused the insert.</summary>
    private async Task<bool> TryInsertAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Any other failure (database away) shows up again in the read that follows, and throws there.
            return false;
        }
    }
}
