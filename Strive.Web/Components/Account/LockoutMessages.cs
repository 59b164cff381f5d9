namespace Strive.Web.Components.Account;

/// <summary>The words a locked-out person reads, on the sign-in page and on /Account/Lockout.</summary>
internal static class LockoutMessages
{
    public static string ForSpan(TimeSpan lockout)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(lockout.TotalMinutes));
        var unit = minutes == 1 ? "minute" : "minutes";
        return $"This account is locked after too many failed sign-ins. Try again in {minutes} {unit}.";
    }
}
