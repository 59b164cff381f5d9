using Strive.Domain.Common;

namespace Strive.Domain.Invitations;

/// <summary>Every refusal about invite links: message, field, code and a sentence for people.</summary>
public static class InvitationErrors
{
    public static readonly DomainError Unknown = DomainError.Define(ErrorKind.NotFound,
        "invitation.unknown", null,
        "Invite link not found",
        "This invite link doesn't exist. Check that it was copied whole, or ask for a new one.");

    public static readonly DomainError Used = DomainError.Define(ErrorKind.Invalid,
        "invitation.used", null,
        "This invite link has already been used",
        "This invite link has already been used. Each link lets one person join; ask the goal's admin for a new one.");

    public static readonly DomainError Revoked = DomainError.Define(ErrorKind.Invalid,
        "invitation.revoked", null,
        "This invite link has been revoked",
        "This invite link was withdrawn by the goal's admin. Ask them for a new one.");

    public static readonly DomainError Expired = DomainError.Define(ErrorKind.Invalid,
        "invitation.expired", null,
        "This invite link has expired",
        "This invite link has expired. Ask the goal's admin for a new one.");

    public static readonly DomainError NotActive = DomainError.Define(ErrorKind.Invalid,
        "invitation.not_active", null,
        "This invite link is no longer active",
        "This link was already used, revoked or expired, so there is nothing to revoke.");

    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "invitation.not_found", null,
        "Invite link not found",
        "That invite link no longer exists.");

    public static readonly DomainError LifetimeOutOfRange = DomainError.Define(ErrorKind.Invalid,
        "invitation.lifetime_out_of_range", "expiresIn",
        "An invite link must last between 1 hour and 30 days",
        "Choose an expiry between 1 hour and 30 days.");

    public static readonly DomainError TooManyActive = DomainError.Define(ErrorKind.Invalid,
        "invitation.too_many_active", null,
        $"A goal can have at most {InvitationService.MaxActivePerGoal} active invite links",
        $"This goal already has {InvitationService.MaxActivePerGoal} active invite links. Revoke one first.");
}
