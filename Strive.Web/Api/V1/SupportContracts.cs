using System.Text.Json;
using Strive.Domain.Common;
using Strive.Domain.Supports;

namespace Strive.Web.Api.V1;

/// <summary>A support as docs/api/API.md "Supports" lists its fields, and the note given with its decision.</summary>
public sealed record SupportResponse(
    string Id,
    string GoalId,
    string? MilestoneId,
    string Description,
    SupportStatus Status,
    DateTimeOffset? NeedsDecision,
    string? Note,
    string SupporterId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SupportResponse From(SupportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.GoalId, view.MilestoneId, view.Description, view.Status, view.NeedsDecision,
            view.Note, view.SupporterId, view.CreatedAt, view.UpdatedAt);
    }
}

/// <summary>The two answers a supporter can give (docs/api/API.md "Supports").</summary>
public enum SupportDecision
{
    Accepted,
    Rejected,
}

/// <summary>A pledge and a decision as the supports endpoints read them.</summary>
public sealed record NewSupport(string? MilestoneId, string Description);

public sealed record SupportDecisionRequest(bool Accept, string? Note);

public static class SupportRequests
{
    public const string MilestoneIdType = "milestoneId must be a string";
    public const string NoteType = "note must be a string";

    private static readonly Field<string?> Description = JsonFields.Text("description",
        SupportErrors.DescriptionRequired.Message, presence: Presence.Required, example: "\"A pair of running shoes\"")
        .Refusing(SupportErrors.DescriptionTooLong, SupportErrors.DescriptionControlCharacters);
    private static readonly Field<string?> MilestoneId = JsonFields.Text("milestoneId", MilestoneIdType, nullable: true,
        example: "\"ms001\"");
    private static readonly Field<SupportDecision> AnyStatus =
        JsonFields.Enum<SupportDecision>("status", SupportErrors.StatusInvalid.Message);
    private static readonly Field<SupportDecision> Status = new("status", Presence.Required, AnyStatus.Schema,
        SupportErrors.StatusInvalid.Message, AnyStatus.Read);
    private static readonly Field<string?> Note = JsonFields.Text("note", NoteType, nullable: true,
        example: "\"Thank you, they fit perfectly\"")
        .Refusing(SupportErrors.NoteTooLong, SupportErrors.NoteControlCharacters);

    public static readonly RequestShape New = new("CreateSupportRequest", Description, MilestoneId);

    public static readonly RequestShape Decision = new("DecideSupportRequest", Status, Note);

    public static Result<NewSupport> ParseNew(JsonElement body)
    {
        var read = New.Reader(body);
        var description = read.ReadRequired(Description);
        var milestoneId = read.Read(MilestoneId);
        return read.DomainError is { } error
            ? error
            : new NewSupport(milestoneId.HasValue ? milestoneId.Value : null, description.Value ?? "");
    }

    public static Result<SupportDecisionRequest> ParseDecision(JsonElement body)
    {
        var read = Decision.Reader(body);
        var status = read.ReadRequired(Status);
        var note = read.Read(Note);
        return read.DomainError is { } error
            ? error
            : new SupportDecisionRequest(status.Value == SupportDecision.Accepted, note.HasValue ? note.Value : null);
    }
}
