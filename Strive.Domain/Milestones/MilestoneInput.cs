using Strive.Domain.Common;

namespace Strive.Domain.Milestones;

/// <summary>
/// The limits on what a milestone may hold (docs/api/API.md, "Milestones: what milestones.md leaves
/// open"), with messages that name the field.
/// </summary>
internal static class MilestoneInput
{
    public const string ContentRequired = "content is required and must be a string";

    public static Result<string> Content(string? content)
    {
        var trimmed = content?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return DomainError.Invalid(ContentRequired);
        }

        return trimmed.Length > Milestone.ContentMaxLength
            ? DomainError.Invalid($"content must be at most {Milestone.ContentMaxLength} characters")
            : trimmed;
    }

    public static Result<string> Description(string? description)
    {
        var value = description ?? "";
        return value.Length > Milestone.DescriptionMaxLength
            ? DomainError.Invalid($"description must be at most {Milestone.DescriptionMaxLength} characters")
            : value;
    }

    public static Result<IReadOnlyList<Subtask>> Subtasks(IReadOnlyList<Subtask>? subtasks)
    {
        if (subtasks is null)
        {
            return Result<IReadOnlyList<Subtask>>.Success([]);
        }

        if (subtasks.Count > Subtask.MaxCount)
        {
            return DomainError.Invalid($"subtasks must hold at most {Subtask.MaxCount} items");
        }

        var cleaned = new List<Subtask>(subtasks.Count);
        foreach (var subtask in subtasks)
        {
            var content = subtask?.Content?.Trim() ?? "";
            if (content.Length is 0 or > Subtask.ContentMaxLength)
            {
                return DomainError.Invalid(
                    $"subtasks[].content must be 1 to {Subtask.ContentMaxLength} characters");
            }

            cleaned.Add(new Subtask(content, subtask!.Completed));
        }

        return cleaned;
    }

    public static Result<int?> Order(int? order) =>
        order is < 0 ? DomainError.Invalid("order must be a non-negative integer") : order;

    public static DateTimeOffset? Deadline(DateTimeOffset? deadline) =>
        deadline is null ? null : Dates.EndOfDayUtc(deadline.Value);
}
