using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;
using Strive.Domain.Users;

namespace Strive.Domain.Supports;

public sealed class SupportService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    TimeProvider clock) : ISupportService
{
    public async Task<Result<IReadOnlyList<SupportView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return Result<IReadOnlyList<SupportView>>.Success(await ListForGoalAsync(db, goalId, cancellationToken));
    }

    /// <summary>The goal's supports, oldest first, for a caller who has passed the access check.</summary>
    internal static async Task<IReadOnlyList<SupportView>> ListForGoalAsync(StriveDbContext db, string goalId,
        CancellationToken cancellationToken)
    {
        var rows = await (
                from s in db.Visible().AsNoTracking()
                join u in db.Users on s.SupporterId equals u.Id
                where s.GoalId == goalId
                select new { Support = s, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Support.CreatedAt)
            .Select(r => ToView(r.Support, StriveUser.ShownNameOf(r.DisplayName, r.Email)))
            .ToList();
    }

    public async Task<Result<SupportView>> PledgeAsync(string actorId, string goalId, string? milestoneId,
        string? description, CancellationToken cancellationToken = default)
    {
        var checkedText = TextRules.Check(description, Support.DescriptionMaxLength, SupportErrors.DescriptionRequired,
            SupportErrors.DescriptionTooLong, SupportErrors.DescriptionControlCharacters);
        if (!checkedText.IsSuccess)
        {
            return checkedText.Error;
        }

        var text = checkedText.Value;

        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.CanSupport(), SupportErrors.PledgeForbidden,
                cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error;
            }

            if (milestoneId is not null)
            {
                var milestone = await db.Milestones.AsNoTracking()
                    .FirstOrDefaultAsync(m => m.Id == milestoneId && m.GoalId == goalId && m.DeletedAt == null,
                        cancellationToken);
                if (milestone is null)
                {
                    return MilestoneErrors.NotFound;
                }

                if (milestone.Status != MilestoneStatus.Pending)
                {
                    return SupportErrors.MilestoneNotPending;
                }
            }

            var now = clock.Now();
            var support = new Support(goalId, milestoneId, actorId, text, now);
            db.Supports.Add(support);
            db.GoalEvents.Add(new GoalEvent(goalId, GoalEventType.SupportPledged, actorId, milestoneId, text, now));
            await db.SaveChangesAsync(cancellationToken);
            var supporter = await db.Users.AsNoTracking().FirstAsync(u => u.Id == actorId, cancellationToken);
            return Result<SupportView>.Success(ToView(support, supporter.ShownName));
        }, cancellationToken);
    }

    public async Task<Result<SupportView>> DecideAsync(string actorId, string goalId, string supportId, bool accept,
        string? note, CancellationToken cancellationToken = default)
    {
        var checkedNote = TextRules.Check(note, Support.NoteMaxLength, null, SupportErrors.NoteTooLong,
            SupportErrors.NoteControlCharacters);
        if (!checkedNote.IsSuccess)
        {
            return checkedNote.Error;
        }

        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
            if (!access.IsSuccess)
            {
                return access.Error;
            }

            var support = await db.Visible().FirstOrDefaultAsync(s => s.Id == supportId && s.GoalId == goalId,
                cancellationToken);
            if (support is null)
            {
                return SupportErrors.NotFound;
            }

            if (support.SupporterId != actorId)
            {
                return SupportErrors.DecideForbidden;
            }

            var now = clock.Now();
            var decided = support.Decide(accept, checkedNote.Value, now);
            if (!decided.IsSuccess)
            {
                return decided.Error;
            }

            // The goal's version moves with every change to it, so a racing decision replays and is refused.
            var goal = await db.Goals.FirstAsync(g => g.Id == goalId, cancellationToken);
            goal.Touch(now);
            db.GoalEvents.Add(new GoalEvent(goalId, accept ? GoalEventType.SupportAccepted : GoalEventType.SupportRejected,
                actorId, support.MilestoneId, support.Description, now));
            await db.SaveChangesAsync(cancellationToken);
            var supporter = await db.Users.AsNoTracking().FirstAsync(u => u.Id == actorId, cancellationToken);
            return Result<SupportView>.Success(ToView(support, supporter.ShownName));
        }, cancellationToken);
    }

    internal static SupportView ToView(Support s, string supporterName) => new(
        s.Id, s.GoalId, s.MilestoneId, s.Description, s.Status, s.NeedsDecision, s.Note, s.SupporterId, supporterName,
        s.CreatedAt, s.UpdatedAt);
}
