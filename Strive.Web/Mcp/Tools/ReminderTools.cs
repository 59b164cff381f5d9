using Strive.Domain.ApiKeys;
using Strive.Domain.Reminders;
using Strive.Web.Api.V1;

namespace Strive.Web.Mcp.Tools;

/// <summary>The caller's own reminders for a goal, as /api/v1/goals/:goalId/reminders answers them (docs/api/API.md "Reminders").</summary>
public sealed class ReminderTools : IMcpToolSet
{
    private static readonly ToolKey ReminderId = new("reminderId", "The reminder's id, as list_reminders answers it.");
    private static readonly ToolKey[] Reminder = [GoalTools.GoalId, ReminderId];

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["description"] = "What to be reminded of (say, \"Log your week\").",
        ["interval"] = "never (once), daily, weekly (the default), monthly, quarterly or yearly.",
        ["at"] = "The first occurrence: an ISO 8601 date-time. Its time of day repeats in timeZone.",
        ["timeZone"] = "An IANA time zone such as Europe/Amsterdam (default UTC); daylight-saving changes keep the hour.",
    };

    public IEnumerable<McpTool> Tools =>
    [
        new("list_reminders", "List your reminders", "The caller's own reminders for the goal; nobody else's. "
            + "Any stakeholder.",
            ApiKeyScopes.RemindersRead, ToolEffect.ReadOnly, [GoalTools.GoalId], null, ListAsync),
        new("create_reminder", "Create a reminder", "Any stakeholder, at most 20 per person per goal.",
            ApiKeyScopes.RemindersWrite, ToolEffect.Write, [GoalTools.GoalId], ReminderRequests.New, CreateAsync)
            { Fields = Fields },
        new("update_reminder", "Update a reminder", "Changes only the fields given (at least one); the next "
            + "occurrence is computed again.",
            ApiKeyScopes.RemindersWrite, ToolEffect.Write, Reminder, ReminderRequests.Changes, UpdateAsync)
            { Fields = Fields },
        new("delete_reminder", "Delete a reminder", "Removes one of the caller's reminders for good.",
            ApiKeyScopes.RemindersWrite, ToolEffect.Destructive, Reminder, null, DeleteAsync),
    ];

    private static IReminderService Service(ToolCall call) => call.Service<IReminderService>();

    private static async Task<ToolAnswer> ListAsync(ToolCall call) => ToolAnswer.Of(
        await Service(call).ListAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.CancellationToken),
        list => list.Select(ReminderResponse.From).ToList());

    private static async Task<ToolAnswer> CreateAsync(ToolCall call)
    {
        var input = ReminderRequests.ParseNew(call.Body);
        return !input.IsSuccess ? ToolAnswer.Fail(input.Error) : ToolAnswer.Of(
            await Service(call).CreateAsync(call.UserId, call.Key(GoalTools.GoalId.Name), input.Value,
                call.CancellationToken),
            ReminderResponse.From);
    }

    private static async Task<ToolAnswer> UpdateAsync(ToolCall call)
    {
        var changes = ReminderRequests.ParseChanges(call.Body);
        return !changes.IsSuccess ? ToolAnswer.Fail(changes.Error) : ToolAnswer.Of(
            await Service(call).UpdateAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(ReminderId.Name),
                changes.Value, call.CancellationToken),
            ReminderResponse.From);
    }

    private static async Task<ToolAnswer> DeleteAsync(ToolCall call) => ToolAnswer.Of(
        await Service(call).DeleteAsync(call.UserId, call.Key(GoalTools.GoalId.Name), call.Key(ReminderId.Name),
            call.CancellationToken),
        id => new DeletedReminderResponse(id, Deleted: true));
}
