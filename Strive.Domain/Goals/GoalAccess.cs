using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Persistence;

namespace Strive.Domain.Goals;

/// <summary>
/// The permission gate every goal-scoped operation passes first: <see cref="GoalErrors.NotFound"/>, then the
/// operation's own refusal (<see cref="GoalErrors.NotStakeholder"/> for a read).
/// </summary>
internal static class GoalAccess
{
    /// <summary>
    /// The actor's roles on the goal: 404 when the goal does not exist, then 403 with
    /// <paramref name="forbidden"/> unless <paramref name="allowed"/> accepts the roles.
    /// </summary>
    internal static async Task<Result<StakeholderRoles>> RolesAsync(StriveDbContext db, string goalId, string actorId,
        Func<StakeholderRoles, bool> allowed, DomainError forbidden, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(db, goalId, actorId, allowed, forbidden, cancellationToken);
        return grant.IsSuccess ? grant.Value.Roles : grant.Error;
    }

    /// <summary>
    /// <see cref="RolesAsync"/> plus the goal's <see cref="Goal.Version"/> read in the same query, before
    /// anything else a change reads, so a claim on that version proves nothing has changed since.
    /// </summary>
    internal static Task<Result<GoalGrant>> GrantAsync(StriveDbContext db, string goalId, string actorId,
        Func<StakeholderRoles, bool> allowed, DomainError forbidden, CancellationToken cancellationToken) =>
        CheckAsync(db, goalId, actorId, (roles, _) => roles != StakeholderRoles.None && allowed(roles), forbidden,
            cancellationToken);

    /// <summary>
    /// Who may read a goal and its milestones: its stakeholders, and anyone at all when it is public
    /// (docs/api/API.md "Public goals"). Everything else on a goal stays for stakeholders.
    /// </summary>
    internal static bool CanRead(StakeholderRoles roles, bool isPublic) => isPublic || roles != StakeholderRoles.None;

    /// <summary>The read gate: 404 "Goal not found", then 403 "You are not a stakeholder of this goal" unless <see cref="CanRead"/>.</summary>
    internal static Task<Result<GoalGrant>> ReadGrantAsync(StriveDbContext db, string goalId, string actorId,
        CancellationToken cancellationToken) =>
        CheckAsync(db, goalId, actorId, CanRead, GoalErrors.NotStakeholder, cancellationToken);

    /// <summary>
    /// <see cref="ReadGrantAsync(StriveDbContext, string, string, CancellationToken)"/>, keeping what the query found in
    /// <paramref name="gates"/> (for the list, which asks it first) unless a change came in since
    /// <paramref name="ticket"/> was taken.
    /// </summary>
    internal static async Task<Result<GoalGrant>> ReadGrantAsync(StriveDbContext db, string goalId, string actorId,
        GoalGateCache gates, long ticket, CancellationToken cancellationToken)
    {
        var gate = await ReadGateAsync(db, goalId, actorId, cancellationToken);
        if (gate is { } found)
        {
            gates.Store(ticket, goalId, actorId, found);
        }

        return Decide(gate, CanRead, GoalErrors.NotStakeholder);
    }

    private static async Task<Result<GoalGrant>> CheckAsync(StriveDbContext db, string goalId, string actorId,
        Func<StakeholderRoles, bool, bool> allowed, DomainError forbidden, CancellationToken cancellationToken) =>
        Decide(await ReadGateAsync(db, goalId, actorId, cancellationToken), allowed, forbidden);

    /// <summary>The grant, or why not: the goal missing (null), or the rule refusing the actor's roles on it.</summary>
    private static Result<GoalGrant> Decide(GoalGateRead? gate, Func<StakeholderRoles, bool, bool> allowed, DomainError forbidden) =>
        gate is not { } found ? GoalErrors.NotFound
        : allowed(found.Roles, found.IsPublic) ? new GoalGrant(found.Roles, found.Version, found.IsFinished)
        : forbidden;

    /// <summary>The goal's version and visibility and the actor's roles on it; null when the goal does not exist.</summary>
    private static async Task<GoalGateRead?> ReadGateAsync(StriveDbContext db, string goalId, string actorId,
        CancellationToken cancellationToken)
    {
        var goal = await GoalAndStakeholder.For(db)(db, goalId, actorId, cancellationToken);
        if (goal is null)
        {
            return null;
        }

        var s = goal.Stakeholder;
        var roles = s is null
            ? StakeholderRoles.None
            : StakeholderRolesExtensions.FromColumns(s.IsAdmin, s.IsAchiever, s.IsSupporter, s.IsSpectator);
        return new GoalGateRead(goal.Version, goal.IsPublic, roles, goal.Status != GoalStatus.Pending);
    }

    /// <summary>
    /// The gate's one query, compiled once per model: every goal-scoped call starts here (the API's list most of all), and
    /// EF Core otherwise hashes the expression tree on every call to find its cached plan. No tracking.
    /// </summary>
    private static readonly CompiledPerModel<Func<StriveDbContext, string, string, CancellationToken, Task<GoalGate?>>>
        GoalAndStakeholder = new(() => EF.CompileAsyncQuery((StriveDbContext db, string goalId, string actorId,
            CancellationToken _) => db.Goals
            .AsNoTracking()
            .Where(g => g.Id == goalId)
            .Select(g => new GoalGate(
                g.Version,
                g.IsPublic,
                g.Status,
                g.Stakeholders
                    .Where(s => s.UserId == actorId)
                    .Select(s => new StakeholderColumns(s.IsAdmin, s.IsAchiever, s.IsSupporter, s.IsSpectator))
                    .FirstOrDefault()))
            .FirstOrDefault()));

    private sealed record GoalGate(Guid Version, bool IsPublic, GoalStatus Status, StakeholderColumns? Stakeholder);

    private sealed record StakeholderColumns(bool IsAdmin, bool IsAchiever, bool IsSupporter, bool IsSpectator);

    internal static Task<Result<StakeholderRoles>> AnyRoleAsync(StriveDbContext db, string goalId, string actorId,
        CancellationToken cancellationToken) =>
        RolesAsync(db, goalId, actorId, _ => true, GoalErrors.NotStakeholder, cancellationToken);
}

/// <summary>What an access check found: the actor's roles and the goal's version at that moment.</summary>
/// <summary>What the gate found: the actor's roles, the goal's version, and whether the goal is finished (succeeded or failed).</summary>
internal readonly record struct GoalGrant(StakeholderRoles Roles, Guid Version, bool IsFinished = false);
