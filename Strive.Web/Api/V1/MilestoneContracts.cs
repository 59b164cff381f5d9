using System.Text.Json;
using Strive.Domain.Common;
using Strive.Domain.Milestones;
using static Strive.Web.Api.JsonFields;

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

/// <summary>POST body (documentation only: bodies are read by <see cref="MilestoneRequests"/>).</summary>
public sealed record CreateMilestoneRequest(string Content, string? Description = null,
    DateTimeOffset? Deadline = null, int? Order = null, IReadOnlyList<SubtaskResponse>? Subtasks = null);

/// <summary>PATCH body (documentation only): every field optional.</summary>
public sealed record UpdateMilestoneRequest(string? Content = null, string? Description = null,
    DateTimeOffset? Deadline = null, MilestoneStatus? Status = null, int? Order = null,
    IReadOnlyList<SubtaskResponse>? Subtasks = null);

/// <summary>PUT .../milestones/order body.</summary>
public sealed record ReorderMilestonesRequest(IReadOnlyList<string> Ids);

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

    public static Result<NewMilestone> ParseNew(JsonElement body)
    {
        try
        {
            var content = Text(body, "content", ContentRequired);
            if (!content.HasValue)
            {
                return DomainError.Invalid(ContentRequired);
            }

            var order = Position(body, "order", OrderType);
            return new NewMilestone(
                content.Value,
                NullableText(body, "description", DescriptionType) is { HasValue: true } d ? d.Value : null,
                Time(body, "deadline", DeadlineType) is { HasValue: true } t ? t.Value : null,
                order.HasValue ? order.Value : null,
                Subtasks(body) is { HasValue: true } s ? s.Value : null);
        }
        catch (FieldException ex)
        {
            return DomainError.Invalid(ex.Message);
        }
    }

    public static Result<MilestoneChanges> ParseChanges(JsonElement body)
    {
        try
        {
            var changes = new MilestoneChanges
            {
                Content = Text(body, "content", ContentType),
                Description = NullableText(body, "description", DescriptionType),
                Deadline = Time(body, "deadline", DeadlineType),
                Status = Enum<MilestoneStatus>(body, "status", StatusType),
                Order = Position(body, "order", OrderType),
                Subtasks = Subtasks(body),
            };
            return changes.IsEmpty ? DomainError.Invalid(ApiErrors.NoValidFields) : changes;
        }
        catch (FieldException ex)
        {
            return DomainError.Invalid(ex.Message);
        }
    }

    public static Result<IReadOnlyList<string>> ParseOrder(JsonElement body)
    {
        try
        {
            return Strings(body, "ids", IdsType) is { } ids ? Result<IReadOnlyList<string>>.Success(ids)
                : DomainError.Invalid(IdsType);
        }
        catch (FieldException ex)
        {
            return DomainError.Invalid(ex.Message);
        }
    }

    /// <summary>null clears the list; each item needs a string content and, if given, a boolean completed.</summary>
    private static Optional<IReadOnlyList<Subtask>?> Subtasks(JsonElement body)
    {
        if (!Has(body, "subtasks", out var value))
        {
            return Optional<IReadOnlyList<Subtask>?>.None;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return new Optional<IReadOnlyList<Subtask>?>([]);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FieldException(SubtasksType);
        }

        var subtasks = new List<Subtask>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !item.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
            {
                throw new FieldException(SubtasksType);
            }

            var completed = false;
            if (item.TryGetProperty("completed", out var done))
            {
                completed = done.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new FieldException(SubtasksType),
                };
            }

            subtasks.Add(new Subtask(content.GetString()!, completed));
        }

        return new Optional<IReadOnlyList<Subtask>?>(subtasks);
    }
}
