using Strive.Domain.Common;

namespace Strive.Domain.Goals;

internal static class GoalInput
{
    public const string TitleRequired = "title is required and must be a string";

    public static Result<string> Title(string? title)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return DomainError.Invalid(TitleRequired);
        }

        return trimmed.Length > Goal.TitleMaxLength
            ? DomainError.Invalid($"title must be at most {Goal.TitleMaxLength} characters")
            : trimmed;
    }

    public static Result<string> Description(string? description)
    {
        var value = description ?? "";
        return value.Length > Goal.DescriptionMaxLength
            ? DomainError.Invalid($"description must be at most {Goal.DescriptionMaxLength} characters")
            : value;
    }
}
