namespace Strive.Domain.Common;

/// <summary>Refusals shared by goals and milestones (docs/api: the same words on both PATCH endpoints).</summary>
public static class CommonErrors
{
    public static readonly DomainError NothingToUpdate = DomainError.Define(ErrorKind.Invalid,
        "request.nothing_to_update", null,
        "No valid fields to update",
        "There was nothing to save.");

    public static readonly DomainError StatusInvalid = DomainError.Define(ErrorKind.Invalid,
        "request.status_invalid", "status",
        "status must be one of: pending, succeeded, failed",
        "Choose pending, succeeded or failed.");
}
