using System.Text.Json;
using Strive.Domain.Common;
using Strive.Domain.Goals;

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
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static GoalResponse From(GoalView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Title, view.Description, view.IsPublic, view.Status, view.Deadline,
            view.NumberOfAchievers, view.NumberOfSupporters, view.TasksTotal, view.TasksCompleted,
            view.CreatedAt, view.UpdatedAt);
    }
}

public enum GoalPublicity
{
    Public,
    Private,
}

public static class GoalRequests
{
    public static readonly string TitleRequired = GoalErrors.TitleRequired.Message;
    public const string TitleType = "title must be a string";
    public const string DescriptionType = "description must be a string";
    public const string DeadlineType = "deadline must be an ISO 8601 date or null";
    public static readonly string StatusType = CommonErrors.StatusInvalid.Message;
    public const string PublicityType = "publicity must be one of: public, private";

    private static readonly Field<string?> NewTitle =
        JsonFields.Text("title", TitleRequired, presence: Presence.Required, example: "\"Run a half marathon\"")
            .Refusing(GoalErrors.TitleTooLong, GoalErrors.TitleControlCharacters);
    private static readonly Field<string?> Title = JsonFields.Text("title", TitleType)
        .Refusing(GoalErrors.TitleRequired, GoalErrors.TitleTooLong, GoalErrors.TitleControlCharacters);
    private static readonly Field<string?> Description = JsonFields.Text("description", DescriptionType, nullable: true)
        .Refusing(GoalErrors.DescriptionTooLong, GoalErrors.DescriptionControlCharacters);
    private static readonly Field<DateTimeOffset?> Deadline = JsonFields.Time("deadline", DeadlineType);
    private static readonly Field<GoalStatus> Status = JsonFields.Enum<GoalStatus>("status", StatusType);
    private static readonly Field<GoalPublicity> Publicity = JsonFields.Enum<GoalPublicity>("publicity", PublicityType);

    /// <summary>POST /goals: <c>publicity</c> defaults to private.</summary>
    public static readonly RequestShape New = new("CreateGoalRequest", NewTitle, Description, Deadline, Publicity);

    /// <summary>PATCH /goals/:goalId: every field optional, at least one.</summary>
    public static readonly RequestShape Changes = new("UpdateGoalRequest", Title, Description, Deadline, Status, Publicity);

    public static Result<NewGoal> ParseNew(JsonElement body)
    {
        var read = New.Reader(body);
        var title = read.ReadRequired(NewTitle);
        var publicity = read.Read(Publicity);
        var description = read.Read(Description);
        var deadline = read.Read(Deadline);
        if (read.DomainError is { } error)
        {
            return error;
        }

        return new NewGoal(title.Value!, description.HasValue ? description.Value : null,
            deadline.HasValue ? deadline.Value : null,
            publicity.HasValue && publicity.Value == GoalPublicity.Public);
    }

    public static Result<GoalChanges> ParseChanges(JsonElement body)
    {
        var read = Changes.Reader(body);
        var publicity = read.Read(Publicity);
        var changes = new GoalChanges
        {
            Title = read.Read(Title),
            Description = read.Read(Description),
            Deadline = read.Read(Deadline),
            Status = read.Read(Status),
            IsPublic = publicity.HasValue ? publicity.Value == GoalPublicity.Public : Optional<bool>.None,
        };
        if (changes.IsEmpty)
        {
            read.Fail(ApiErrors.NoValidFields);
        }

        return read.DomainError is { } error ? error : changes;
    }
}
