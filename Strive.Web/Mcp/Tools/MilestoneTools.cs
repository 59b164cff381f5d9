using Strive.Domain.ApiKeys;
using Strive.Domain.Milestones;
using Strive.Web.Api.V1;

namespace Strive.Web.Mcp.Tools;

/// <summary>A goal's milestones, as /api/v1/goals/:goalId/milestones answers them (docs/api/milestones.md).</summary>
public sealed class MilestoneTools : IMcpToolSet
{
    private static readonly ToolKey MilestoneId = new("milestoneId", "The milestone's id, as list_milestones answers it.");
    private static readonly ToolKey[] Milestone = [GoalTools.GoalId, MilestoneId];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["content"] = "What the milestone is, 1-500 characters (say, \"Run 10 km without stopping\").",
        ["description"] = "More detail; null clears it.",
        ["deadline"] = "ISO 8601 date or date-time; stored as the end of that day in UTC. null clears it.",
        ["status"] = "pending, succeeded or failed.",
        ["order"] = "Zero-based position among the goal's milestones; the others shift. Past the end means last.",
        ["subtasks"] = "The whole checklist, replacing the current one: [{content, completed}]. null clears it.",
    };

    public IEnumerable<McpTool> Tools =>
    [
        new("list_milestones", "List milestones", "All live milestones of the goal, in board order.",
            ApiKeyScopes.MilestonesRead, ToolEffect.ReadOnly, [GoalTools.GoalId], null, ListAsync),
        new("get_milestone", "Get a milestone", "One live milestone of the goal.",
            ApiKeyScopes.MilestonesRead, ToolEffect.ReadOnly, Milestone, null, GetAsync),
        new("create_milestone", "Create a milestone", "Admins and achievers. Appends the milestone, or inserts it at "
            + "order and shifts the rest down.",
            ApiKeyScopes.MilestonesWrite, ToolEffect.Write, [GoalTools.GoalId], MilestoneRequests.New, CreateAsync)
            { Fields = Fields },
        new("update_milestone", "Update a milestone", "Admins and achievers. Changes only the fields given (at least one).",
            ApiKeyScopes.MilestonesWrite, ToolEffect.Write, Milestone, MilestoneRequests.Changes, UpdateAsync)
            { Fields = Fields },
        new("move_milestone", "Move a milestone", "Admins and achievers. Moves one milestone to a zero-based position.",
            ApiKeyScopes.MilestonesWrite, ToolEffect.Write, Milestone, MilestoneRequests.Move, MoveAsync)
            { Fields = Fields },
        new("delete_milestone", "Delete a milestone", "Admins only. Removes the milestone from the goal; "
            + "restore_milestone brings it back within 30 days.",
            ApiKeyScopes.MilestonesWrite, ToolEffect.Destructive, Milestone, null, DeleteAsync),
        new("restore_milestone", "Restore a deleted milestone", "Admins only. Within 30 days of its deletion, brings "
            + "the milestone back where it was, with its status, subtasks and supports.",
            ApiKeyScopes.MilestonesWrite, ToolEffect.Write, Milestone, null, RestoreAsync),
    ];

    private static IMilestoneService Service(ToolCall call) => call.Service<IMilestoneService>();

    private static async Task<ToolAnswer> ListAsync(ToolCall call) => ToolAnswer.Of(
        await Service(call).ListAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.CancellationToken),
        list => MilestoneResponse.From(list));

    private static async Task<ToolAnswer> GetAsync(ToolCall call) => ToolAnswer.Of(
        await Service(call).GetAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(MilestoneId.Name),
            call.CancellationToken),
        MilestoneResponse.From);

    private static async Task<ToolAnswer> CreateAsync(ToolCall call)
    {
        var input = MilestoneRequests.ParseNew(call.Body);
        return !input.IsSuccess ? ToolAnswer.Fail(input.Error) : ToolAnswer.Of(
            await Service(call).CreateAsync(call.UserId, call.Key(GoalTools.GoalId.Name), input.Value,
                cancellationToken: call.CancellationToken),
            MilestoneResponse.From);
    }

    private static async Task<ToolAnswer> UpdateAsync(ToolCall call)
    {
        var changes = MilestoneRequests.ParseChanges(call.Body);
        return !changes.IsSuccess ? ToolAnswer.Fail(changes.Error) : ToolAnswer.Of(
            await Service(call).UpdateAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(MilestoneId.Name),
                changes.Value, cancellationToken: call.CancellationToken),
            MilestoneResponse.From);
    }

    private static async Task<ToolAnswer> MoveAsync(ToolCall call)
    {
        var order = MilestoneRequests.ParseMove(call.Body);
        return !order.IsSuccess ? ToolAnswer.Fail(order.Error) : ToolAnswer.Of(
            await Service(call).MoveAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(MilestoneId.Name),
                order.Value, cancellationToken: call.CancellationToken),
            MilestoneResponse.From);
    }

    private static async Task<ToolAnswer> DeleteAsync(ToolCall call) => ToolAnswer.Of(
        await Service(call).DeleteAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(MilestoneId.Name),
            cancellationToken: call.CancellationToken),
        deleted => new DeletedMilestoneResponse(deleted.Id, Deleted: true));

    private static async Task<ToolAnswer> RestoreAsync(ToolCall call) => ToolAnswer.Of(
        await Service(call).RestoreAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(MilestoneId.Name),
            cancellationToken: call.CancellationToken),
        MilestoneResponse.From);
}
