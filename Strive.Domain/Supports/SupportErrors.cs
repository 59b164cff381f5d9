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
}
