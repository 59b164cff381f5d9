using System.Collections.Concurrent;

namespace Strive.Domain.Goals;

/// <summary>
/// What the read gate last found for a goal (its version and visibility) and for each actor who read it (their
/// roles), kept while this process hears of every change to the goal (docs/decisions/010-goal-gate-in-memory.md).
/// Every committed change to a goal, its stakeholders or its milestones is announced on
/// <see cref="Events.IGoalChangeNotifier"/>, here or (with Redis) on another instance; the announcement calls
/// <see cref="Forget"/> before any board hears it. So while the announcements can be trusted, a kept answer is
/// the database's answer, and the API's list needs no query at all.
/// When they cannot be trusted (Redis configured but away, just back, or silent), the host calls
/// <see cref="Suspend"/>: nothing is served from here until <see cref="Resume"/>, and both start over empty.
/// One process alone (no Redis) trusts its own announcements from the start.
/// </summary>
public sealed class GoalGateCache
{
    /// <summary>Actors' answers kept at most, over all goals; past it the cache starts over (it refills on reads).</summary>
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<string, GoalEntry> _goals = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private long _changes;
    private int _entries;
    private volatile bool _trusted = true;

    /// <summary>False while the host cannot vouch that every change reaches this process.</summary>
    public bool IsTrusted => _trusted;

    /// <summary>
    /// Taken before a read of the database; <see cref="Store"/> keeps that read only if no change, suspension or
    /// restart came in between (a read that raced a change must not outlive the change's announcement).
    /// </summary>
    internal long Ticket => Volatile.Read(ref _changes);

    /// <summary>The kept answer for the goal and actor, if the announcements are trusted and one is kept.</summary>
    internal bool TryGet(string goalId, string actorId, out GoalGateRead gate)
    {
        if (_trusted && _goals.TryGetValue(goalId, out var goal) && goal.Roles.TryGetValue(actorId, out var roles))
        {
            gate = new GoalGateRead(goal.Version, goal.IsPublic, roles);
            return true;
        }

        gate = default;
        return false;
    }

    internal void Store(long ticket, string goalId, string actorId, GoalGateRead gate)
    {
        // Under the lock, a Forget either ran before (the ticket moved: nothing is stored) or runs after (and
        // removes what was stored).
        lock (_sync)
        {
            if (!_trusted || ticket != _changes)
            {
                return;
            }

            if (_entries >= MaxEntries)
            {
                _goals.Clear();
                _entries = 0;
            }

            if (!_goals.TryGetValue(goalId, out var goal) || goal.Version != gate.Version || goal.IsPublic != gate.IsPublic)
            {
                // Two reads on either side of a change not yet announced: the newer goal state wins, alone.
                if (goal is not null)
                {
                    _entries -= goal.Roles.Count;
                }

                goal = new GoalEntry(gate.Version, gate.IsPublic);
                _goals[goalId] = goal;
            }

            if (goal.Roles.TryAdd(actorId, gate.Roles))
            {
                _entries++;
            }
            else
            {
                goal.Roles[actorId] = gate.Roles;
            }
        }
    }

    /// <summary>A change to the goal was committed (announced here or by another instance): ask the database again.</summary>
    public void Forget(string goalId)
    {
        ArgumentNullException.ThrowIfNull(goalId);
        lock (_sync)
        {
            _changes++;
            if (_goals.TryRemove(goalId, out var goal))
            {
                _entries -= goal.Roles.Count;
            }
        }
    }

    /// <summary>Changes may be going unheard: forget everything, and keep nothing until <see cref="Resume"/>.</summary>
    public void Suspend() => StartOver(trusted: false);

    /// <summary>Every change is heard again from now on: start over empty, and keep answers again.</summary>
    public void Resume() => StartOver(trusted: true);

    private void StartOver(bool trusted)
    {
        lock (_sync)
        {
            _changes++;
            _trusted = trusted;
            _goals.Clear();
            _entries = 0;
        }
    }

    private sealed class GoalEntry(Guid version, bool isPublic)
    {
        public Guid Version { get; } = version;

        public bool IsPublic { get; } = isPublic;

        public ConcurrentDictionary<string, StakeholderRoles> Roles { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>What the read gate's query finds: the goal's version and visibility, the actor's roles on it.</summary>
/// <summary>
/// A goal's gate as read; <see cref="IsFinished"/> only from the database (writes, which never use the cache,
/// are the ones that ask it).
/// </summary>
internal readonly record struct GoalGateRead(Guid Version, bool IsPublic, StakeholderRoles Roles, bool IsFinished = false);
