using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Jobs;
using Strive.Domain.Persistence;

namespace Strive.Domain.Reminders;

/// <summary>
/// Reminders are the actor's own: another person's reminder is "Reminder not found". Each reminder has one job
/// (<see cref="ReminderJob"/>) due at its next occurrence, written in the same save as the reminder.
/// </summary>
public sealed class ReminderService(IDbContextFactory<StriveDbContext> contexts, TimeProvider clock) : IReminderService
{
    public async Task<Result<IReadOnlyList<ReminderView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var rows = await db.Reminders.AsNoTracking().Where(r => r.GoalId == goalId && r.UserId == actorId)
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<ReminderView>>.Success(
            [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(ReminderView.From)]);
    }

    public async Task<Result<ReminderView>> GetAsync(string actorId, string goalId, string reminderId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, actorId, goalId, reminderId, cancellationToken);
        return found.IsSuccess ? ReminderView.From(found.Value) : found.Error;
    }

    public async Task<Result<ReminderView>> CreateAsync(string actorId, string goalId, NewReminder reminder,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var description = CheckDescription(reminder.Description);
        if (!description.IsSuccess)
        {
            return description.Error;
        }

        var schedule = CheckSchedule(reminder.At, reminder.Interval, reminder.TimeZone);
        if (!schedule.IsSuccess)
        {
            return schedule.Error;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        if (await db.Reminders.CountAsync(r => r.GoalId == goalId && r.UserId == actorId, cancellationToken)
            >= Reminder.MaxPerPersonPerGoal)
        {
            return ReminderErrors.TooMany;
        }

        var now = clock.Now();
        var created = new Reminder(goalId, actorId, schedule.Value, description.Value, now);
        db.Reminders.Add(created);
        await ScheduleAsync(db, created, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ReminderView.From(created);
    }

    public async Task<Result<ReminderView>> UpdateAsync(string actorId, string goalId, string reminderId,
        ReminderChanges changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return CommonErrors.NothingToUpdate;
        }

        var description = changes.Description.HasValue ? CheckDescription(changes.Description.Value) : "";
        if (!description.IsSuccess)
        {
            return description.Error;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, actorId, goalId, reminderId, cancellationToken, tracked: true);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var reminder = found.Value;
        var schedule = CheckSchedule(
            changes.At.HasValue ? changes.At.Value : reminder.At,
            changes.Interval.HasValue ? changes.Interval.Value : reminder.Interval,
            changes.TimeZone.HasValue ? changes.TimeZone.Value : reminder.TimeZone);
        if (!schedule.IsSuccess)
        {
            return schedule.Error;
        }

        var now = clock.Now();
        if (changes.Description.HasValue)
        {
            reminder.Describe(description.Value, now);
        }

        reminder.Apply(schedule.Value, now);
        await ScheduleAsync(db, reminder, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return ReminderView.From(reminder);
    }

    public async Task<Result<string>> DeleteAsync(string actorId, string goalId, string reminderId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, actorId, goalId, reminderId, cancellationToken, tracked: true);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Reminders.Remove(found.Value);
        await db.SaveChangesAsync(cancellationToken);
        await JobClaims.CancelAsync(db, found.Value.JobKey, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return found.Value.Id;
    }

    /// <summary>Deletes a person's reminders for a goal (they left it), in the caller's transaction.</summary>
    internal static async Task DeleteForAsync(StriveDbContext db, string goalId, string userId,
        CancellationToken cancellationToken)
    {
        var ids = await db.Reminders.Where(r => r.GoalId == goalId && r.UserId == userId).Select(r => r.Id)
            .ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await JobClaims.CancelAsync(db, Reminder.JobKeyOf(id), cancellationToken);
        }

        await db.Reminders.Where(r => r.GoalId == goalId && r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task ScheduleAsync(StriveDbContext db, Reminder reminder, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (reminder.NextAt is { } next)
        {
            await JobClaims.ScheduleAsync(db, ReminderJob.JobKind, reminder.JobKey, next, null, now, cancellationToken);
        }
        else
        {
            await JobClaims.CancelAsync(db, reminder.JobKey, cancellationToken);
        }
    }

    private static async Task<Result<Reminder>> FindAsync(StriveDbContext db, string actorId, string goalId,
        string reminderId, CancellationToken cancellationToken, bool tracked = false)
    {
        var access = await GoalAccess.AnyRoleAsync(db, goalId, actorId, cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var query = tracked ? db.Reminders : db.Reminders.AsNoTracking();
        var reminder = await query.FirstOrDefaultAsync(
            r => r.Id == reminderId && r.GoalId == goalId && r.UserId == actorId, cancellationToken);
        return reminder is null ? ReminderErrors.NotFound : reminder;
    }

    private static Result<string> CheckDescription(string? description) =>
        TextRules.Check(description, Reminder.DescriptionMaxLength, ReminderErrors.DescriptionRequired,
            ReminderErrors.DescriptionTooLong, ReminderErrors.DescriptionControlCharacters);

    private static Result<ReminderSchedule> CheckSchedule(DateTimeOffset? at, ReminderInterval interval, string? timeZone)
    {
        if (at is null)
        {
            return ReminderErrors.AtInvalid;
        }

        return Recurrence.TryFindZone(timeZone, out var zone)
            ? new ReminderSchedule(at.Value, interval, zone)
            : ReminderErrors.TimeZoneInvalid;
    }
}
