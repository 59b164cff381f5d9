using Strive.Domain.Common;

namespace Strive.Domain.Goals;

/// <summary>Every refusal about a goal: the documented API message (docs/api/API.md), the field, a code and a sentence for people.</summary>
public static class GoalErrors
{
    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "goal.not_found", null,
        "Goal not found",
        "This goal doesn't exist, or it was deleted.");

    public static readonly DomainError NotStakeholder = DomainError.Define(ErrorKind.Forbidden,
        "goal.not_stakeholder", null,
        "You are not a stakeholder of this goal",
        "You're not part of this goal, so you can't see or change it.");

    public static readonly DomainError UpdateForbidden = DomainError.Define(ErrorKind.Forbidden,
        "goal.update_forbidden", null,
        "Only admins can update goals",
        "Only the goal's admins can change it.");

    public static readonly DomainError ReopenForbidden = DomainError.Define(ErrorKind.Forbidden,
        "goal.reopen_forbidden", null,
        "Only admins can reopen goals",
        "Only the goal's admins can reopen it.");

    public static readonly DomainError DeleteForbidden = DomainError.Define(ErrorKind.Forbidden,
        "goal.delete_forbidden", null,
        "Only admins can delete goals",
        "Only the goal's admins can delete it.");

    public static readonly DomainError RestoreForbidden = DomainError.Define(ErrorKind.Forbidden,
        "goal.restore_forbidden", null,
        "Only admins can restore goals",
        "Only the goal's admins can restore it.");

    public static readonly DomainError NotFinished = DomainError.Define(ErrorKind.Invalid,
        "goal.not_finished", "status",
        "The goal is not finished",
        "This goal is still in progress, so there is nothing to reopen.");

    public static readonly DomainError Finished = DomainError.Define(ErrorKind.Conflict,
        "goal.finished", null,
        "The goal is finished; reopen it to change its milestones",
        "This goal is finished, so its milestones can't change. Reopen the goal to change them.");

    public static readonly DomainError TitleRequired = DomainError.Define(ErrorKind.Invalid,
        "goal.title_required", "title",
        "title is required and must be a string",
        "Give your goal a title.");

    public static readonly DomainError TitleTooLong = DomainError.Define(ErrorKind.Invalid,
        "goal.title_too_long", "title",
        $"title must be at most {Goal.TitleMaxLength} characters",
        $"Keep the title to {Goal.TitleMaxLength} characters or fewer.");

    public static readonly DomainError TitleControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "goal.title_control_characters", "title",
        "title must not contain control characters",
        "The title contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError DescriptionTooLong = DomainError.Define(ErrorKind.Invalid,
        "goal.description_too_long", "description",
        $"description must be at most {Goal.DescriptionMaxLength} characters",
        $"Keep the description to {Goal.DescriptionMaxLength:N0} characters or fewer.");

    public static readonly DomainError DescriptionControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "goal.description_control_characters", "description",
        "description must not contain control characters",
        "The description contains characters that can't be shown. Retype it, or paste it as plain text.");

    /// <summary>Lost every replay of a race with another writer of the same goal (docs/decisions/002).</summary>
    public static readonly DomainError ChangedConcurrently = DomainError.Define(ErrorKind.Conflict,
        "goal.changed_concurrently", null,
        "The goal was changed at the same moment by someone else; please try again",
        "The goal was changed at the same moment by someone else. Please try again.");

    /// <summary>
    /// A write conditioned on a version (If-Match) found another one: it changed nothing
    /// (docs/api/API.md "Versions and conditional requests").
    /// </summary>
    public static DomainError Stale(Guid currentVersion) => DomainError.Define(ErrorKind.PreconditionFailed,
        "goal.stale", null,
        "The resource has changed since you read it",
        "Someone changed this goal since you opened it. Reload to see the latest.") with
    {
        CurrentVersion = currentVersion,
    };
}
