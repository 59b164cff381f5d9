using Microsoft.EntityFrameworkCore;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;
using Strive.Domain.Supports;

namespace Strive.Domain.Users;

/// <summary>An account's own data: a copy of it, and its deletion (docs/api/API.md "Accounts (browser)").</summary>
public interface IAccountService
{
    /// <summary>The live goals where the user is the only admin: deleted with the account unless admin is handed on.</summary>
    Task<IReadOnlyList<SoleAdminGoal>> SoleAdminGoalsAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Everything Strive holds about the user, goals as their exports.</summary>
    Task<AccountData> ExportAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the account (the caller has checked the password): goals where the user is the only admin are
    /// deleted, the user leaves every other goal, every key is revoked on every instance, and the account row
    /// becomes a tombstone that can never sign in, whose pledges and events elsewhere read "A former member".
    /// </summary>
    Task DeleteAsync(string userId, CancellationToken cancellationToken = default);
}

public sealed class AccountService(
    IDbContextFactory<StriveDbContext> contexts,
    IGoalService goals,
    IGoalExportService exports,
    IStakeholderService stakeholders,
    IApiKeyService keys) : IAccountService
{
    /// <summary>How a deleted account is shown wherever something of theirs stays.</summary>
    public const string FormerMember = "A former member";

    public async Task<IReadOnlyList<SoleAdminGoal>> SoleAdminGoalsAsync(string userId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Goals.AsNoTracking()
            .Where(g => g.Stakeholders.Any(s => s.UserId == userId && s.IsAdmin)
                && !g.Stakeholders.Any(s => s.UserId != userId && s.IsAdmin))
            .OrderBy(g => g.Title)
            .Select(g => new SoleAdminGoal(g.Id, g.Title, g.Stakeholders.Count(s => s.UserId != userId)))
            .ToListAsync(cancellationToken);
    }

    public async Task<AccountData> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, cancellationToken);
        var goalIds = await db.Stakeholders.AsNoTracking().Where(s => s.UserId == userId)
            .Join(db.Goals, s => s.GoalId, g => g.Id, (s, g) => g.Id).ToListAsync(cancellationToken);
        var goalExports = new List<GoalExport>();
        foreach (var goalId in goalIds)
        {
            if ((await exports.ExportAsync(userId, goalId, cancellationToken)).Value is { } export)
            {
                goalExports.Add(export);
            }
        }

        var pledges = await db.Supports.AsNoTracking().Where(s => s.SupporterId == userId)
            .Join(db.Goals, s => s.GoalId, g => g.Id, (s, g) => s).ToListAsync(cancellationToken);
        return new AccountData(user.Id, user.Email ?? "", user.DisplayName, user.CreatedAt, user.TwoFactorEnabled,
            goalExports, [.. pledges.Select(p => SupportService.ToView(p, user.DisplayName))],
            await keys.ListAsync(userId, cancellationToken));
    }

    public async Task DeleteAsync(string userId, CancellationToken cancellationToken = default)
    {
        foreach (var goal in await SoleAdminGoalsAsync(userId, cancellationToken))
        {
            await goals.DeleteAsync(userId, goal.Id, cancellationToken: cancellationToken);
        }

        foreach (var goal in await goals.ListAsync(userId, cancellationToken))
        {
            await stakeholders.LeaveAsync(userId, goal.Id, cancellationToken);
        }

        // Through the key service: each revocation reaches every instance's key cache before it returns.
        foreach (var key in await keys.ListAsync(userId, cancellationToken))
        {
            await keys.RevokeAsync(userId, key.Id, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserLogins.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.UserClaims.Where(t => t.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.IdempotencyRecords.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        var user = await db.Users.FirstAsync(u => u.Id == userId, cancellationToken);
        user.BecomeFormerMember(FormerMember);
        await db.SaveChangesAsync(cancellationToken);
    }
}

public sealed record SoleAdminGoal(string Id, string Title, int OtherPeople);

/// <summary>The one file "download my data" gives (reminders and connected apps join it when they exist).</summary>
public sealed record AccountData(
    string Id,
    string Email,
    string DisplayName,
    DateTimeOffset CreatedAt,
    bool TwoFactorEnabled,
    IReadOnlyList<GoalExport> Goals,
    IReadOnlyList<SupportView> Pledges,
    IReadOnlyList<ApiKeyView> ApiKeys);
