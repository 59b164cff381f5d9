namespace Strive.Domain.Goals;

/// <summary>The four roles a person can hold on a goal, in any combination.</summary>
[Flags]
#pragma warning disable CA1028 // Stored as separate boolean columns; the underlying type does not matter.
public enum StakeholderRoles
#pragma warning restore CA1028
{
    None = 0,
    Admin = 1,
    Achiever = 2,
    Supporter = 4,
    Spectator = 8,
}

public static class StakeholderRolesExtensions
{
    /// <summary>The flags from the four role columns a stakeholder row stores.</summary>
    public static StakeholderRoles FromColumns(bool admin, bool achiever, bool supporter, bool spectator) =>
        (admin ? StakeholderRoles.Admin : 0) | (achiever ? StakeholderRoles.Achiever : 0)
        | (supporter ? StakeholderRoles.Supporter : 0) | (spectator ? StakeholderRoles.Spectator : 0);

    public static bool CanPlan(this StakeholderRoles roles) =>
        (roles & (StakeholderRoles.Admin | StakeholderRoles.Achiever)) != 0;

    public static bool IsAdmin(this StakeholderRoles roles) => roles.HasFlag(StakeholderRoles.Admin);

    public static bool CanSupport(this StakeholderRoles roles) => roles.HasFlag(StakeholderRoles.Supporter);

    /// <summary>The roles as the lower-case words the API and the admin command line use.</summary>
    public static IReadOnlyList<string> ToNames(this StakeholderRoles roles) =>
        [.. Enum.GetValues<StakeholderRoles>()
            .Where(r => r != StakeholderRoles.None && roles.HasFlag(r))
            .Select(r => r.ToString().ToLowerInvariant())];

    public static bool TryParse(IEnumerable<string> names, out StakeholderRoles roles)
    {
        roles = StakeholderRoles.None;
        foreach (var name in names)
        {
            if (!Enum.TryParse<StakeholderRoles>(name.Trim(), ignoreCase: true, out var role)
                || role == StakeholderRoles.None || !Enum.IsDefined(role))
            {
                return false;
            }

            roles |= role;
        }

        return roles != StakeholderRoles.None;
    }
}
