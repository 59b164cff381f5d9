using Strive.Domain.Common;
using Strive.Domain.Users;

namespace Strive.Domain.Events;

/// <summary>One line of a goal's activity timeline: who did what, to which milestone, when.</summary>
public sealed class GoalEvent
{
    public const int DetailMaxLength = 600;
    public const int ViaMaxLength = 100;

    private GoalEvent() { } // EF Core

    public GoalEvent(string goalId, GoalEventType type, string? actorId, string? milestoneId, string detail,
        DateTimeOffset now)
    {
        Id = Ids.New();
        GoalId = goalId;
        Type = type;
        ActorId = actorId;
        MilestoneId = milestoneId;
        Detail = TextRules.Shorten(detail, DetailMaxLength);
        CreatedAt = now;
    }

    public string Id { get; private set; } = "";

    public string GoalId { get; private set; } = "";

    public GoalEventType Type { get; private set; }

    /// <summary>Null for events the system records itself (a deadline passing).</summary>
    public string? ActorId { get; private set; }

    public StriveUser? Actor { get; private set; }

    public string? MilestoneId { get; private set; }

    /// <summary>Context worth keeping even after the milestone changes (its content at the time).</summary>
    public string Detail { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The agent or app the change came through (an MCP client, an OAuth app); null when made by hand.</summary>
    public string? Via { get; private set; }

    public void MarkVia(string agent) => Via = TextRules.Shorten(agent, ViaMaxLength);
}
