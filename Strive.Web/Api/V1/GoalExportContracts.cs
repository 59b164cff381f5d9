using Strive.Domain.Events;
using Strive.Domain.Goals;

namespace Strive.Web.Api.V1;

public sealed record DeletedGoalResponse(string Id, bool Deleted);

/// <summary>A stakeholder in an export: the name others see and the roles, never an email.</summary>
public sealed record ExportedStakeholderResponse(string Name, IReadOnlyList<string> Roles);

/// <summary>One line of the goal's activity as an export carries it (actor by name only).</summary>
public sealed record GoalEventResponse(
    string Id,
    GoalEventType Type,
    string? ActorName,
    string? MilestoneId,
    string Detail,
    DateTimeOffset CreatedAt);

/// <summary>
/// docs/api/API.md "Deleting, restoring and exporting a goal": the goal with everything in it, in the API's
/// shapes (posts with their media as URLs).
/// </summary>
public sealed record GoalExportResponse(
    GoalResponse Goal,
    IReadOnlyList<MilestoneResponse> Milestones,
    IReadOnlyList<PostResponse> Posts,
    IReadOnlyList<SupportResponse> Supports,
    IReadOnlyList<ExportedStakeholderResponse> Stakeholders,
    IReadOnlyList<GoalEventResponse> Events,
    DateTimeOffset ExportedAt)
{
    public static GoalExportResponse From(GoalExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return new(
            GoalResponse.From(export.Goal),
            MilestoneResponse.From(export.Milestones),
            [.. export.Posts.Select(PostResponse.From)],
            [.. export.Supports.Select(SupportResponse.From)],
            [.. export.Stakeholders.Select(s => new ExportedStakeholderResponse(s.Name, s.Roles.ToNames()))],
            [.. export.Events.Select(e => new GoalEventResponse(e.Id, e.Type, e.ActorName, e.MilestoneId, e.Detail,
                e.CreatedAt))],
            export.ExportedAt);
    }
}
