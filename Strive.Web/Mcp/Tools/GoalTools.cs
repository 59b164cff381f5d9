using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Web.Api.V1;

namespace Strive.Web.Mcp.Tools;

/// <summary>Goals, as /api/v1/goals answers them (docs/api/API.md "Goals and stakeholders").</summary>
public sealed class GoalTools : IMcpToolSet
{
    public static readonly ToolKey GoalId = new("goalId", "The goal's id, as list_goals answers it.");

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["title"] = "The goal's title, 1-200 characters.",
        ["description"] = "What the goal is about, in the goal's own words; null clears it.",
        ["deadline"] = "When the goal should be reached: an ISO 8601 date or date-time (UTC when no offset), or null for none.",
        ["publicity"] = "private (only stakeholders see it, the default) or public (anyone with the link can read it).",
        ["status"] = "pending, succeeded or failed; reopening a finished goal sets it back to pending.",
    };

    public IEnumerable<McpTool> Tools =>
    [
        new("list_goals", "List goals", "The goals where the caller is a stakeholder, newest first, with their progress counters.",
            ApiKeyScopes.GoalsRead, ToolEffect.ReadOnly, [], null, ListAsync),
        new("get_goal", "Get a goal", "One goal with its counters. Stakeholders, and anyone when the goal is public.",
            ApiKeyScopes.GoalsRead, ToolEffect.ReadOnly, [GoalId], null, GetAsync),
        new("create_goal", "Create a goal", "Creates a goal; the caller becomes its admin, achiever and spectator.",
            ApiKeyScopes.GoalsWrite, ToolEffect.Write, [], GoalRequests.New, CreateAsync) { Fields = Fields },
        new("update_goal", "Update a goal", "Changes only the fields given (at least one). Admins only.",
            ApiKeyScopes.GoalsWrite, ToolEffect.Write, [GoalId], GoalRequests.Changes, UpdateAsync) { Fields = Fields },
    ];

    private static async Task<ToolAnswer> ListAsync(ToolCall call)
    {
        var goals = await call.Service<IGoalService>().ListAsync(call.UserId, call.CancellationToken);
        return ToolAnswer.Ok(goals.Select(GoalResponse.From).ToList());
    }

    private static async Task<ToolAnswer> GetAsync(ToolCall call) => ToolAnswer.Of(
        await call.Service<IGoalService>().GetAsync(call.UserId, call.Key(GoalId.Name), call.CancellationToken),
        GoalResponse.From);

    private static async Task<ToolAnswer> CreateAsync(ToolCall call)
    {
        var input = GoalRequests.ParseNew(call.Body);
        return !input.IsSuccess ? ToolAnswer.Fail(input.Error) : ToolAnswer.Of(
            await call.Service<IGoalService>().CreateAsync(call.UserId, input.Value, call.CancellationToken),
            GoalResponse.From);
    }

    private static async Task<ToolAnswer> UpdateAsync(ToolCall call)
    {
        var changes = GoalRequests.ParseChanges(call.Body);
        return !changes.IsSuccess ? ToolAnswer.Fail(changes.Error) : ToolAnswer.Of(
            await call.Service<IGoalService>().UpdateAsync(call.UserId, call.Key(GoalId.Name), changes.Value,
                cancellationToken: call.CancellationToken),
            GoalResponse.From);
    }
}
