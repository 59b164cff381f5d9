using System.Text.Json;
using Strive.Domain.Common;
using Strive.Domain.Reminders;

namespace Strive.Web.Api.V1;

/// <summary>A reminder as docs/api/API.md "Reminders" lists its fields.</summary>
public sealed record ReminderResponse(
    string Id,
    string GoalId,
    string Description,
    ReminderInterval Interval,
    DateTimeOffset At,
    string TimeZone,
    DateTimeOffset? NextAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ReminderResponse From(ReminderView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.GoalId, view.Description, view.Interval, view.At, view.TimeZone, view.NextAt,
            view.CreatedAt, view.UpdatedAt);
    }
}

public sealed record DeletedReminderResponse(string Id, bool Deleted);

/// <summary>The reminder bodies as the reminders endpoints read them.</summary>
public static class ReminderRequests
{
    private static readonly Field<string?> Description = JsonFields.Text("description",
            ReminderErrors.DescriptionRequired.Message, example: "\"Log your week\"")
        .Refusing(ReminderErrors.DescriptionTooLong, ReminderErrors.DescriptionControlCharacters);
    private static readonly Field<ReminderInterval> Interval =
        JsonFields.Enum<ReminderInterval>("interval", ReminderErrors.IntervalInvalid.Message);
    private static readonly Field<DateTimeOffset?> At = JsonFields.Time("at", ReminderErrors.AtInvalid.Message);
    private static readonly Field<string?> TimeZone = JsonFields.Text("timeZone", ReminderErrors.TimeZoneInvalid.Message,
        example: "\"Europe/Amsterdam\"");

    private static readonly Field<string?> NewDescription = new Field<string?>("description", Presence.Required,
            Description.Schema, ReminderErrors.DescriptionRequired.Message, Description.Read)
        .Refusing(ReminderErrors.DescriptionTooLong, ReminderErrors.DescriptionControlCharacters)
        .Refusing(JsonFields.InvalidText("description"));
    // Required: a null is as good as no time at all, so it is refused here, as the schema says.
    private static readonly Field<DateTimeOffset?> NewAt = new Field<DateTimeOffset?>("at", Presence.Required,
            At.Schema with { Types = Microsoft.OpenApi.JsonSchemaType.String },
            ReminderErrors.AtInvalid.Message, value => value.ValueKind == JsonValueKind.Null
                ? FieldResult<DateTimeOffset?>.Fail(ReminderErrors.AtInvalid.Message)
                : At.Read(value))
        .Refusing(JsonFields.InvalidText("at"));

    public static readonly RequestShape New = new("CreateReminderRequest", NewDescription, Interval, NewAt, TimeZone);

    public static readonly RequestShape Changes = new("UpdateReminderRequest", Description, Interval, At, TimeZone);

    public static Result<NewReminder> ParseNew(JsonElement body)
    {
        var read = New.Reader(body);
        var description = read.ReadRequired(NewDescription);
        var interval = read.Read(Interval);
        var at = read.ReadRequired(NewAt);
        var timeZone = read.Read(TimeZone);
        if (read.DomainError is { } error)
        {
            return error;
        }

        return new NewReminder(description.Value, at.Value,
            interval.HasValue ? interval.Value : ReminderInterval.Weekly,
            timeZone.HasValue ? timeZone.Value ?? "" : "UTC");
    }

    public static Result<ReminderChanges> ParseChanges(JsonElement body)
    {
        var read = Changes.Reader(body);
        var changes = new ReminderChanges
        {
            Description = read.Read(Description),
            Interval = read.Read(Interval),
            At = read.Read(At),
            TimeZone = read.Read(TimeZone),
        };
        if (changes.IsEmpty)
        {
            read.Fail(ApiErrors.NoValidFields);
        }

        return read.DomainError is { } error ? error : changes;
    }
}
