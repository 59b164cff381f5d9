using Strive.Domain.Users;

namespace Strive.Domain.Goals;

/// <summary>
/// A user's membership of a goal, changed only through its <see cref="Goal"/>. Roles are kept as four
/// columns so queries can filter on them.
/// </summary>
public sealed class Stakeholder
{
    private Stakeholder() { } // EF Core

    internal Stakeholder(string goalId, string userId, StakeholderRoles roles, DateTimeOffset now)
    {
        GoalId = goalId;
        UserId = userId;
        CreatedAt = now;
        Roles = roles;
    }

    public string GoalId { get; private set; } = "";

    public string UserId { get; private set; } = "";

    public StriveUser? User { get; private set; }

    public bool IsAdmin { get; private set; }

    public bool IsAchiever { get; private set; }

    public bool IsSupporter { get; private set; }

    public bool IsSpectator { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public StakeholderRoles Roles
    {
        get => StakeholderRolesExtensions.FromColumns(IsAdmin, IsAchiever, IsSupporter, IsSpectator);
        private set
        {
            IsAdmin = value.HasFlag(StakeholderRoles.Admin);
            IsAchiever = value.HasFlag(StakeholderRoles.Achiever);
            IsSupporter = value.HasFlag(StakeholderRoles.Supporter);
            IsSpectator = value.HasFlag(StakeholderRoles.Spectator);
        }
    }

    /// <summary>Exactly these roles. Only the <see cref="Goal"/> calls it, after checking it keeps an admin.</summary>
    internal void SetRoles(StakeholderRoles roles) => Roles = roles;

    /// <summary>These roles in addition to the ones held.</summary>
    internal void Grant(StakeholderRoles roles) => Roles |= roles;
}
