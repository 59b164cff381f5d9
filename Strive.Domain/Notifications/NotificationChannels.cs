namespace Strive.Domain.Notifications;

/// <summary>
/// A person's bell listens on the change bus (<see cref="Events.IGoalChangeNotifier"/>, across instances through
/// Redis) under a key of its own besides the goals it follows, for notifications no goal change stands for (a
/// reminder, a webhook endpoint disabled). No goal id has this form, so no board hears it.
/// </summary>
public static class NotificationChannels
{
    public static string ForUser(string userId) => "user:" + userId;
}
