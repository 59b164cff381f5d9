namespace Strive.Domain.Events;

/// <summary>
/// Tells open boards that a goal changed, after the change is committed. The in-process
/// implementation serves one machine; several instances would need a shared bus behind this interface.
/// </summary>
public interface IGoalChangeNotifier
{
    IDisposable Subscribe(string goalId, Func<GoalChange, Task> onChange);

    void Publish(GoalChange change);
}

/// <param name="ActorId">Who changed it (null for the system).</param>
/// <param name="Origin">
/// The <see cref="ChangeOrigin"/> of the circuit or request that made the change (null for the system), so a
/// board can skip the echo of its own change but not the same user's change from another tab.
/// </param>
public sealed record GoalChange(string GoalId, string? ActorId, string? Origin);
