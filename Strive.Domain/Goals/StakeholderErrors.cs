using Strive.Domain.Common;

namespace Strive.Domain.Goals;

/// <summary>Every refusal about who is on a goal: message, field, code and a sentence for people.</summary>
public static class StakeholderErrors
{
    public static readonly DomainError ManageForbidden = DomainError.Define(ErrorKind.Forbidden,
        "stakeholder.manage_forbidden", null,
        "Only admins can manage stakeholders",
        "Only the goal's admins can change who is on it.");

    public static readonly DomainError UserNotFound = DomainError.Define(ErrorKind.NotFound,
        "stakeholder.user_not_found", "email",
        "No user with that email",
        "No user with that email yet. Ask them to sign up, then invite them again.");

    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "stakeholder.not_found", null,
        "Stakeholder not found",
        "That person is no longer on this goal.");

    public static readonly DomainError NoRoles = DomainError.Define(ErrorKind.Invalid,
        "stakeholder.no_roles", "roles",
        "Choose at least one role",
        "Choose at least one role.");

    public static readonly DomainError LastAdmin = DomainError.Define(ErrorKind.Invalid,
        "stakeholder.last_admin", "roles",
        "A goal must keep at least one admin",
        "A goal must keep at least one admin. Make someone else an admin first.");
}
