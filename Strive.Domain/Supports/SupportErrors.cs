using Strive.Domain.Common;

namespace Strive.Domain.Supports;

/// <summary>Every refusal about a pledge: the documented API message, the field, a code and a sentence for people.</summary>
public static class SupportErrors
{
    public static readonly DomainError PledgeForbidden = DomainError.Define(ErrorKind.Forbidden,
        "support.pledge_forbidden", null,
        "Only supporters can pledge support",
        "Only the goal's supporters can pledge support.");

    public static readonly DomainError DescriptionRequired = DomainError.Define(ErrorKind.Invalid,
        "support.description_required", "description",
        "description is required and must be a string",
        "Say what you pledge.");

    public static readonly DomainError DescriptionTooLong = DomainError.Define(ErrorKind.Invalid,
        "support.description_too_long", "description",
        $"description must be at most {Support.DescriptionMaxLength} characters",
        $"Keep the pledge to {Support.DescriptionMaxLength:N0} characters or fewer.");

    public static readonly DomainError DescriptionControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "support.description_control_characters", "description",
        "description must not contain control characters",
        "The pledge contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError MilestoneNotPending = DomainError.Define(ErrorKind.Invalid,
        "support.milestone_not_pending", "milestoneId",
        "Support can only be pledged on a pending milestone",
        "This milestone is already finished, so it can't take new pledges.");

    public static readonly DomainError DecideForbidden = DomainError.Define(ErrorKind.Forbidden,
        "support.decide_forbidden", null,
        "Only the supporter who pledged can decide",
        "Only the person who made this pledge can decide on it.");

    public static readonly DomainError NoDecisionNeeded = DomainError.Define(ErrorKind.Invalid,
        "support.no_decision_needed", "status",
        "This support does not need a decision",
        "This pledge doesn't need a decision now: its milestone isn't finished, or you have already decided.");

    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "support.not_found", null,
        "Support not found",
        "That pledge no longer exists.");

    public static readonly DomainError StatusInvalid = DomainError.Define(ErrorKind.Invalid,
        "support.status_invalid", "status",
        "status must be one of: accepted, rejected",
        "Choose accept or reject.");

    public static readonly DomainError NoteTooLong = DomainError.Define(ErrorKind.Invalid,
        "support.note_too_long", "note",
        $"note must be at most {Support.NoteMaxLength} characters",
        $"Keep the note to {Support.NoteMaxLength:N0} characters or fewer.");

    public static readonly DomainError NoteControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "support.note_control_characters", "note",
        "note must not contain control characters",
        "The note contains characters that can't be shown. Retype it, or paste it as plain text.");
}
