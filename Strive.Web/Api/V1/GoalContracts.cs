using System.Text.Json;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using static Strive.Web.Api.JsonFields;

namespace Strive.Web.Api.V1;

/// <summary>A goal as docs/api/API.md "Goals and stakeholders" lists its fields.</summary>
public sealed record GoalResponse(
    string Id,
    string Title,
    string Description,
    bool IsPublic,
    GoalStatus Status,
    DateTimeOffset? Deadline,
    int NumberOfAchievers,
    int NumberOfSupporters,
    int TasksTotal,
    int TasksCompleted,
    string Image,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static GoalResponse From(GoalView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Title, view.Description, view.IsPublic, view.Status, view.Deadline,
            view.NumberOfAchievers, view.NumberOfSupporters, view.TasksTotal, view.TasksCompleted, view.Image,
            view.CreatedAt, view.UpdatedAt);
    }
}

public enum GoalPublicity
{
    Public,
    Private,
}

/// <summary>POST body (documentation only: bodies are read by <see cref="GoalRequests"/>).</summary>
public sealed record CreateGoalRequest(string Title, string? Description = null, DateTimeOffset? Deadline = null,
    GoalPublicity? Publicity = null);

/// <summary>PATCH body (documentation only): every field optional.</summary>
public sealed record UpdateGoalRequest(string? Title = null, string? Description = null, DateTimeOffset? Deadline = null,
    GoalStatus? Status = null, GoalPublicity? Publicity = null);

public static class GoalRequests
{
    public static readonly string TitleRequired = GoalErrors.TitleRequired.Message;
    public const string TitleType = "title must be a string";
    public const string DescriptionType = "description must be a string";
    public const string DeadlineType = "deadline must be an ISO 8601 date or null";
    public static readonly string StatusType = CommonErrors.StatusInvalid.Message;
    public const string PublicityType = "publicity must be one of: public, private";

    public static Result<NewGoal> ParseNew(JsonElement body)
    {
        try
        {
            var title = Text(body, "title", TitleRequired);
            if (!title.HasValue)
            {
                return DomainError.Invalid(TitleRequired);
            }

            var publicity = Enum<GoalPublicity>(body, "publicity", PublicityType);
            return new NewGoal(
                title.Value,
                NullableText(body, "description", DescriptionType) is { HasValue: true } d ? d.Value : null,
                Time(body, "deadline", DeadlineType) is { HasValue: true } t ? t.Value : null,
                publicity.HasValue && publicity.Value == GoalPublicity.Public);
        }
        catch (FieldException ex)
        {
            return DomainError.Invalid(ex.Message);
        }
    }

    public static Result<GoalChanges> ParseChanges(JsonElement body)
    {
        try
        {
            var publicity = Enum<GoalPublicity>(body, "publicity", PublicityType);
            var changes = new GoalChanges
            {
                Title = Text(body, "title", TitleType),
                Description = NullableText(body, "description", DescriptionType),
                Deadline = Time(body, "deadline", DeadlineType),
                Status = Enum<GoalStatus>(body, "status", StatusType),
                IsPublic = publicity.HasValue ? publicity.Value == GoalPublicity.Public : Optional<bool>.None,
            };
            return changes.IsEmpty ? DomainError.Invalid(ApiErrors.NoValidFields) : changes;
        }
        catch (FieldException ex)
        {
            return DomainError.Invalid(ex.Message);
        }
    }
}
