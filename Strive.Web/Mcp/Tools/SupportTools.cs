using Strive.Domain.ApiKeys;
using Strive.Domain.Supports;
using Strive.Web.Api.V1;

namespace Strive.Web.Mcp.Tools;

/// <summary>Pledges of support (docs/api/API.md "Supports").</summary>
public sealed class SupportTools : IMcpToolSet
{
    private static readonly ToolKey SupportId = new("supportId", "The pledge's id, as list_supports answers it.");

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["description"] = "What the supporter pledges, 1-1000 characters (say, \"a pair of running shoes\").",
        ["milestoneId"] = "A pending milestone of the goal the pledge is for; leave it out for the goal as a whole.",
        ["status"] = "accepted (the pledge is given) or rejected (not given). A decision is final.",
        ["note"] = "What the supporter says with the decision, at most 1000 characters.",
    };

    public IEnumerable<McpTool> Tools =>
    [
        new("list_supports", "List supports", "The pledges made for the goal and its milestones. Stakeholders only.",
            ApiKeyScopes.SupportsRead, ToolEffect.ReadOnly, [GoalTools.GoalId], null, ListAsync),
        new("pledge_support", "Pledge support", "Supporters only: pledge something to the achievers, for the whole goal "
            + "or one pending milestone. When it finishes, the supporter is asked to decide.",
            ApiKeyScopes.SupportsWrite, ToolEffect.Write, [GoalTools.GoalId], SupportRequests.New, PledgeAsync)
            { Fields = Fields },
        new("decide_support", "Decide on a pledge", "Only the supporter who pledged, and only while needsDecision is "
            + "set: accept (the pledge is given) or reject it. Final.",
            ApiKeyScopes.SupportsWrite, ToolEffect.Write, [GoalTools.GoalId, SupportId], SupportRequests.Decision,
            DecideAsync) { Fields = Fields },
    ];

    private static async Task<ToolAnswer> ListAsync(ToolCall call) => ToolAnswer.Of(
        await call.Service<ISupportService>().ListAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.CancellationToken),
        list => list.Select(SupportResponse.From).ToList());

    private static async Task<ToolAnswer> PledgeAsync(ToolCall call)
    {
        var input = SupportRequests.ParseNew(call.Body);
        return !input.IsSuccess ? ToolAnswer.Fail(input.Error) : ToolAnswer.Of(
            await call.Service<ISupportService>().PledgeAsync(call.UserId, call.Key(GoalTools.GoalId.Name),
                input.Value.MilestoneId, input.Value.Description, call.CancellationToken),
            SupportResponse.From);
    }

    private static async Task<ToolAnswer> DecideAsync(ToolCall call)
    {
        var input = SupportRequests.ParseDecision(call.Body);
        return !input.IsSuccess ? ToolAnswer.Fail(input.Error) : ToolAnswer.Of(
            await call.Service<ISupportService>().DecideAsync(call.UserId, call.Key(GoalTools.GoalId.Name),
                call.Key(SupportId.Name), input.Value.Accept, input.Value.Note, call.CancellationToken),
            SupportResponse.From);
    }
}
