using Microsoft.EntityFrameworkCore;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;
using Strive.Domain.Supports;

namespace Strive.Domain.Notifications;

/// <summary>
/// Turns the goal events and pledge changes a save is about to write into notifications, in that same save
/// (called by <see cref="StriveDbContext.SaveChangesAsync(bool, CancellationToken)"/>), so every service that
/// records a goal event notifies without a line of its own. Who is told follows docs/api/API.md, never the actor.
/// </summary>
internal static class NotificationPlanner
{
    /// <summary>Event type to kind and recipients.</summary>
    private static readonly Dictionary<GoalEventType, (NotificationKind Kind, StakeholderRoles To, string Verb)> Rules = new()
    {
        [GoalEventType.MilestoneCompletedSuccessfully] =
            (NotificationKind.MilestoneCompleted, StakeholderRoles.Supporter | StakeholderRoles.Spectator, "completed"),
        [GoalEventType.MilestoneCompletedUnsuccessfully] =
            (NotificationKind.MilestoneFailed, StakeholderRoles.Supporter | StakeholderRoles.Spectator, "failed"),
        [GoalEventType.MilestoneDeadlinePassed] =
            (NotificationKind.DeadlinePassed, StakeholderRoles.Achiever | StakeholderRoles.Admin, "deadline passed"),
        [GoalEventType.SupportPledged] = (NotificationKind.SupportPledged, StakeholderRoles.Achiever, "support pledged"),
        [GoalEventType.SupportAccepted] = (NotificationKind.DecisionMade, StakeholderRoles.Achiever, "pledge accepted"),
        [GoalEventType.SupportRejected] = (NotificationKind.DecisionMade, StakeholderRoles.Achiever, "pledge declined"),
        [GoalEventType.PostCreated] = (NotificationKind.Post, StakeholderRoles.Supporter | StakeholderRoles.Spectator, "posted"),
        [GoalEventType.StakeholderJoinedByLink] = (NotificationKind.Joined, StakeholderRoles.Admin, "joined"),
        [GoalEventType.GoalFollowed] = (NotificationKind.Joined, StakeholderRoles.Admin, "joined"),
        [GoalEventType.StakeholderAdded] = (NotificationKind.Joined, StakeholderRoles.Admin, "joined"),
    };

    /// <returns>The people told, so the caller can ring their bells once the change is committed.</returns>
    internal static async Task<IReadOnlyCollection<string>> AddForChangesAsync(StriveDbContext db,
        CancellationToken cancellationToken)
    {
        var events = db.ChangeTracker.Entries<GoalEvent>()
            .Where(e => e.State == EntityState.Added && Rules.ContainsKey(e.Entity.Type))
            .Select(e => e.Entity)
            .ToList();
        var asked = db.ChangeTracker.Entries<Support>()
            .Where(e => e.State == EntityState.Modified && e.Entity.NeedsDecision is not null
                && e.OriginalValues.GetValue<DateTimeOffset?>(nameof(Support.NeedsDecision)) is null)
            .Select(e => e.Entity)
            .ToList();
        if (events.Count == 0 && asked.Count == 0)
        {
            return [];
        }

        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var (kind, to, verb) = Rules[e.Type];
            var title = await TitleAsync(db, e.GoalId, cancellationToken);
            foreach (var userId in await RecipientsAsync(db, e.GoalId, to, e.ActorId, cancellationToken))
            {
                // A supporter asked to decide hears of the completion in that one notification, not in two.
                if (asked.Any(s => s.SupporterId == userId && s.MilestoneId == e.MilestoneId))
                {
                    continue;
                }

                db.Notifications.Add(new Notification(userId, kind, e.GoalId, e.MilestoneId, e.ActorId,
                    $"{title}: {Quote(e.Detail)}{verb}", e.CreatedAt));
                told.Add(userId);
            }
        }

        foreach (var support in asked)
        {
            var title = await TitleAsync(db, support.GoalId, cancellationToken);
            db.Notifications.Add(new Notification(support.SupporterId, NotificationKind.DecisionNeeded, support.GoalId,
                support.MilestoneId, null, $"{title}: a milestone you backed is finished; decide on your pledge {Quote(support.Description)}".TrimEnd(),
                support.NeedsDecision!.Value));
            told.Add(support.SupporterId);
        }

        return told;
    }

    /// <summary>The goal's stakeholders holding any of <paramref name="roles"/>, except <paramref name="actorId"/>.</summary>
    internal static async Task<List<string>> RecipientsAsync(StriveDbContext db, string goalId, StakeholderRoles roles,
        string? actorId, CancellationToken cancellationToken)
    {
        var admin = roles.HasFlag(StakeholderRoles.Admin);
        var achiever = roles.HasFlag(StakeholderRoles.Achiever);
        var supporter = roles.HasFlag(StakeholderRoles.Supporter);
        var spectator = roles.HasFlag(StakeholderRoles.Spectator);
        return await db.Stakeholders.AsNoTracking()
            .Where(s => s.GoalId == goalId && s.UserId != actorId
                && ((admin && s.IsAdmin) || (achiever && s.IsAchiever) || (supporter && s.IsSupporter)
                    || (spectator && s.IsSpectator)))
            .Select(s => s.UserId)
            .ToListAsync(cancellationToken);
    }

    internal static async Task<string> TitleAsync(StriveDbContext db, string goalId, CancellationToken cancellationToken) =>
        await db.Goals.AsNoTracking().Where(g => g.Id == goalId).Select(g => g.Title).FirstOrDefaultAsync(cancellationToken)
        ?? "A goal";

    private static string Quote(string detail) => string.IsNullOrWhiteSpace(detail) ? "" : $"“{detail}” ";
}
