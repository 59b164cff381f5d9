using System.Text.Json;
using Microsoft.OpenApi;
using Strive.Domain.Common;
using Strive.Domain.Milestones;

namespace Strive.Web.Api.V1;

public sealed record SubtaskResponse(string Content, bool Completed);

/// <summary>
/// A milestone as docs/api/milestones.md and docs/api/API.md ("Milestones: what milestones.md leaves
/// open") show it: every field, always.
/// </summary>
public sealed record MilestoneResponse(
    string Id,
    string Content,
    string Description,
    MilestoneStatus Status,
    int Order,
    DateTimeOffset? Deadline,
    IReadOnlyList<SubtaskResponse> Subtasks,
    DateTimeOffset? FinishedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static MilestoneResponse From(MilestoneView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Content, view.Description, view.Status, view.Order, view.Deadline,
            [.. view.Subtasks.Select(s => new SubtaskResponse(s.Content, s.Completed))], view.FinishedAt,
            view.CreatedAt, view.UpdatedAt);
    }

    public static IReadOnlyList<MilestoneResponse> From(IReadOnlyList<MilestoneView> views) => [.. views.Select(From)];
}

public sealed record DeletedMilestoneResponse(string Id, bool Deleted);

/// <summary>Turns request objects into domain inputs, naming the first field of the wrong type.</summary>
public static class MilestoneRequests
{
    public static readonly string ContentRequired = MilestoneErrors.ContentRequired.Message;
    public const string ContentType = "content must be a string";
    public const string DescriptionType = "description must be a string";
    public const string DeadlineType = "deadline must be an ISO 8601 date or null";
    public static readonly string OrderType = MilestoneErrors.OrderNegative.Message;
    public static readonly string StatusType = CommonErrors.StatusInvalid.Message;
    public const string SubtasksType = "subtasks must be an array of {content: string, completed: boolean}";
    public static readonly string IdsType = MilestoneErrors.ReorderIdsMismatch.Message;

    private static readonly Field<string?> NewContent = JsonFields.Text("content", ContentRequired,
        presence: Presence.Required, example: "\"Complete first 5K run\"")
        .Refusing(MilestoneErrors.ContentTooLong, MilestoneErrors.ContentControlCharacters);
    private static readonly Field<string?> Content = JsonFields.Text("content", ContentType)
        .Refusing(MilestoneErrors.ContentRequired, MilestoneErrors.ContentTooLong, MilestoneErrors.ContentControlCharacters);
    private static readonly Field<string?> Description = JsonFields.Text("description", DescriptionType, nullable: true)
        .Refusing(MilestoneErrors.DescriptionTooLong, MilestoneErrors.DescriptionControlCharacters);
    private static readonly Field<DateTimeOffset?> Deadline = JsonFields.Time("deadline", DeadlineType);
    private static readonly Field<MilestoneStatus> Status = JsonFields.Enum<MilestoneStatus>("status", StatusType);
    private static readonly Field<int> Order = JsonFields.Position("order", OrderType);

    private static readonly Field<string?> SubtaskContent = JsonFields.Text("content", SubtasksType,
        presence: Presence.Required, label: "subtasks");
    private static readonly Field<bool> SubtaskCompleted = JsonFields.Boolean("completed", SubtasksType);

    /// <summary>One item of <c>subtasks</c>: <c>completed</c> defaults to false.</summary>
    public static readonly RequestShape SubtaskItem = new("SubtaskRequest", SubtaskContent, SubtaskCompleted);

    private static readonly Field<IReadOnlyList<Subtask>?> Subtasks = new Field<IReadOnlyList<Subtask>?>("subtasks", Presence.Optional,
        new FieldSchema(JsonSchemaType.Array | JsonSchemaType.Null, """[{"content": "Buy shoes", "completed": true}]""")
        {
            Items = new FieldSchema(JsonSchemaType.Object, """{"content": "Buy shoes"}""") { Properties = SubtaskItem.Fields },
            Description = "null clears the list.",
        },
        SubtasksType, ReadSubtasks)
        .Refusing(MilestoneErrors.TooManySubtasks, MilestoneErrors.SubtaskContentInvalid,
            MilestoneErrors.SubtaskContentControlCharacters);

    private static readonly Field<IReadOnlyList<string>> Ids = JsonFields.Strings("ids", IdsType, Presence.Required,
        """["ms002", "ms001"]""");

    public static readonly RequestShape New = new("CreateMilestoneRequest",
        NewContent, Description, Deadline, Order, Subtasks);

    public static readonly RequestShape Changes = new("UpdateMilestoneRequest",
        Content, Description, Deadline, Status, Order, Subtasks);

    public static readonly RequestShape Reorder = new("ReorderMilestonesRequest", Ids);

    /// <summary>The MCP tool move_milestone: one milestone to a zero-based position, as a board's drag does.</summary>
    private static readonly Field<int> MoveOrder = new("order", Presence.Required, Order.Schema, OrderType, Order.Read);

    public static readonly RequestShape Move = new("MoveMilestoneRequest", MoveOrder);

    public static Result<NewMilestone> ParseNew(JsonElement body)
    {
        var read = New.Reader(body);
        var content = read.ReadRequired(NewContent);
        var order = read.Read(Order);
        var description = read.Read(Description);
        var deadline = read.Read(Deadline);
        var subtasks = read.Read(Subtasks);
        if (read.DomainError is { } error)
        {
            return error;
        }

        return new NewMilestone(
            content.Value,
            description.HasValue ? description.Value : null,
            deadline.HasValue ? deadline.Value : null,
            // milestones.md: "order" defaults to 0, so a create without it puts the new milestone first.
            order.HasValue ? order.Value : 0,
            subtasks.HasValue ? subtasks.Value : null);
    }

    public static Result<MilestoneChanges> ParseChanges(JsonElement body)
    {
        var read = Changes.Reader(body);
        var changes = new MilestoneChanges
        {
            Content = read.Read(Content),
            Description = read.Read(Description),
            Deadline = read.Read(Deadline),
            Status = read.Read(Status),
            Order = read.Read(Order),
            Subtasks = read.Read(Subtasks),
        };
        if (changes.IsEmpty)
        {
            read.Fail(ApiErrors.NoValidFields);
        }

        return read.DomainError is { } error ? error : changes;
    }

    public static Result<IReadOnlyList<string>> ParseOrder(JsonElement body)
    {
        var read = Reorder.Reader(body);
        var ids = read.ReadRequired(Ids);
        return read.DomainError is { } error ? error : Result<IReadOnlyList<string>>.Success(ids.Value);
    }

    public static Result<int> ParseMove(JsonElement body)
    {
        var read = Move.Reader(body);
        var order = read.ReadRequired(MoveOrder);
        return read.DomainError is { } error ? error : Result<int>.Success(order.Value);
    }

    /// <summary>null clears the list; each item needs a string content and, if given, a boolean completed.</summary>
    private static FieldResult<IReadOnlyList<Subtask>?> ReadSubtasks(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return FieldResult<IReadOnlyList<Subtask>?>.Ok([]);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return FieldResult<IReadOnlyList<Subtask>?>.Fail(SubtasksType);
        }

        var subtasks = new List<Subtask>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return FieldResult<IReadOnlyList<Subtask>?>.Fail(SubtasksType);
            }

            var read = SubtaskItem.Reader(item);
            var content = read.ReadRequired(SubtaskContent);
            var completed = read.Read(SubtaskCompleted);
            if (read.Error is { } error)
            {
                return FieldResult<IReadOnlyList<Subtask>?>.Fail(error);
            }

            subtasks.Add(new Subtask(content.Value!, completed.HasValue && completed.Value));
        }

        return FieldResult<IReadOnlyList<Subtask>?>.Ok(subtasks);
    }
}
