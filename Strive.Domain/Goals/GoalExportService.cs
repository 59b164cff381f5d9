using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;
using Strive.Domain.Posts;
using Strive.Domain.Supports;

namespace Strive.Domain.Goals;

/// <summary>A goal taken out of Strive (docs/api/API.md "Deleting, restoring and exporting a goal").</summary>
public interface IGoalExportService
{
    /// <summary>Stakeholders: the goal with everything in it, people by name and roles only. 404, 403 as for a read.</summary>
    Task<Result<GoalExport>> ExportAsync(string actorId, string goalId, CancellationToken cancellationToken = default);
}

public sealed class GoalExportService(IDbContextFactory<StriveDbContext> contexts, TimeProvider clock)
    : IGoalExportService
{
    /// <summary>How an export names a person with no display name: never by their email.</summary>
    public const string UnnamedPerson = "A member";

    public async Task<Result<GoalExport>> ExportAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var goal = await db.Goals.AsNoTracking().FirstAsync(g => g.Id == goalId, cancellationToken);
        var stakeholders = await StakeholderService.ListForGoalAsync(db, goalId, cancellationToken);
        return new GoalExport(
            ToView(goal, access.Value),
            await MilestoneQueries.LiveAsync(db, goalId, cancellationToken),
            await PostQueries.ViewsAsync(db,
                PostQueries.Newest(db.Posts.AsNoTracking().Where(p => p.GoalId == goalId), after: null), cancellationToken),
            await SupportService.ListForGoalAsync(db, goalId, cancellationToken),
            [.. stakeholders.Select(s => new ExportedStakeholder(NameOf(s.DisplayName), s.Roles))],
            await EventsAsync(db, goalId, cancellationToken),
            clock.Now());
    }

    private static string NameOf(string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? UnnamedPerson : displayName;

    /// <summary>Every event of the goal, oldest first, each actor by display name only.</summary>
    private static async Task<IReadOnlyList<GoalEventView>> EventsAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken)
    {
        var rows = await db.GoalEvents.AsNoTracking()
            .Where(e => e.GoalId == goalId)
            .Select(e => new { Event = e, Name = e.Actor == null ? null : e.Actor.DisplayName })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Event.CreatedAt).Select(r => new GoalEventView(r.Event.Id, r.Event.Type,
            r.Event.ActorId, r.Event.ActorId is null ? null : NameOf(r.Name), r.Event.MilestoneId, r.Event.Detail,
            r.Event.CreatedAt))];
    }

    private static GoalView ToView(Goal g, StakeholderRoles roles) => new(
        g.Id, g.Title, g.Description, g.IsPublic, g.Status, g.Deadline, g.NumberOfAchievers, g.NumberOfSupporters,
        g.TasksTotal, g.TasksCompleted, g.FinishedAt, g.CreatedAt, g.UpdatedAt, roles)
    {
        Version = g.Version,
    };
}

/// <summary>A stakeholder as an export shows them: a name (never an email) and roles.</summary>
public sealed record ExportedStakeholder(string Name, StakeholderRoles Roles);

/// <summary>Everything in a goal at <see cref="ExportedAt"/>; posts newest first, as the story shows them.</summary>
public sealed record GoalExport(
    GoalView Goal,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<PostView> Posts,
    IReadOnlyList<SupportView> Supports,
    IReadOnlyList<ExportedStakeholder> Stakeholders,
    IReadOnlyList<GoalEventView> Events,
    DateTimeOffset ExportedAt);
