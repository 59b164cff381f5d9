using Strive.Domain.Common;

namespace Strive.Domain.Reminders;

/// <summary>A person's own reminders for a goal; every call acts on the actor's reminders only.</summary>
public interface IReminderService
{
    Task<Result<IReadOnlyList<ReminderView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default);

    Task<Result<ReminderView>> GetAsync(string actorId, string goalId, string reminderId,
        CancellationToken cancellationToken = default);

    Task<Result<ReminderView>> CreateAsync(string actorId, string goalId, NewReminder reminder,
        CancellationToken cancellationToken = default);

    Task<Result<ReminderView>> UpdateAsync(string actorId, string goalId, string reminderId, ReminderChanges changes,
        CancellationToken cancellationToken = default);

    Task<Result<string>> DeleteAsync(string actorId, string goalId, string reminderId,
        CancellationToken cancellationToken = default);
}
