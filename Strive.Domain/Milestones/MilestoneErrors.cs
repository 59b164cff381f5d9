using Strive.Domain.Common;

namespace Strive.Domain.Milestones;

/// <summary>
/// Every refusal about a milestone: the documented API message (docs/api/milestones.md and API.md, to the
/// letter), the field it concerns, a stable code and a sentence for people.
/// </summary>
public static class MilestoneErrors
{
    public static readonly DomainError NotFound = DomainError.Define(ErrorKind.NotFound,
        "milestone.not_found", null,
        "Milestone not found",
        "This milestone no longer exists; someone may have deleted it.");

    public static readonly DomainError CreateForbidden = DomainError.Define(ErrorKind.Forbidden,
        "milestone.create_forbidden", null,
        "Only admins and achievers can create milestones",
        "Only the goal's admins and achievers can add milestones.");

    public static readonly DomainError UpdateForbidden = DomainError.Define(ErrorKind.Forbidden,
        "milestone.update_forbidden", null,
        "Only admins and achievers can update milestones",
        "Only the goal's admins and achievers can change milestones.");

    public static readonly DomainError DeleteForbidden = DomainError.Define(ErrorKind.Forbidden,
        "milestone.delete_forbidden", null,
        "Only admins can delete milestones",
        "Only the goal's admins can delete milestones.");

    public static readonly DomainError RestoreForbidden = DomainError.Define(ErrorKind.Forbidden,
        "milestone.restore_forbidden", null,
        "Only admins can restore milestones",
        "Only the goal's admins can restore deleted milestones.");

    /// <summary>Restoring a live milestone: API.md answers it like an unknown id.</summary>
    public static readonly DomainError NotDeleted = DomainError.Define(ErrorKind.NotFound,
        "milestone.not_deleted", null,
        "Milestone not found",
        "This milestone is already on the board.");

    /// <summary>Restoring past <see cref="Milestone.RestoreWindow"/>: API.md answers it like an unknown id.</summary>
    public static readonly DomainError RestoreExpired = DomainError.Define(ErrorKind.NotFound,
        "milestone.restore_expired", null,
        "Milestone not found",
        "This milestone was deleted more than 30 days ago and can no longer be restored.");

    public static readonly DomainError ContentRequired = DomainError.Define(ErrorKind.Invalid,
        "milestone.content_required", "content",
        "content is required and must be a string",
        "Give the milestone a name.");

    public static readonly DomainError ContentTooLong = DomainError.Define(ErrorKind.Invalid,
        "milestone.content_too_long", "content",
        $"content must be at most {Milestone.ContentMaxLength} characters",
        $"Keep the milestone to {Milestone.ContentMaxLength} characters or fewer.");

    public static readonly DomainError ContentControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "milestone.content_control_characters", "content",
        "content must not contain control characters",
        "The milestone's name contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError DescriptionTooLong = DomainError.Define(ErrorKind.Invalid,
        "milestone.description_too_long", "description",
        $"description must be at most {Milestone.DescriptionMaxLength} characters",
        $"Keep the description to {Milestone.DescriptionMaxLength:N0} characters or fewer.");

    public static readonly DomainError DescriptionControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "milestone.description_control_characters", "description",
        "description must not contain control characters",
        "The description contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError TooManySubtasks = DomainError.Define(ErrorKind.Invalid,
        "milestone.too_many_subtasks", "subtasks",
        $"subtasks must hold at most {Subtask.MaxCount} items",
        $"A milestone can hold at most {Subtask.MaxCount} subtasks.");

    public static readonly DomainError SubtaskContentInvalid = DomainError.Define(ErrorKind.Invalid,
        "milestone.subtask_content_invalid", "subtasks",
        $"subtasks[].content must be 1 to {Subtask.ContentMaxLength} characters",
        $"Each subtask needs some text, at most {Subtask.ContentMaxLength} characters.");

    public static readonly DomainError SubtaskContentControlCharacters = DomainError.Define(ErrorKind.Invalid,
        "milestone.subtask_content_control_characters", "subtasks",
        "subtasks[].content must not contain control characters",
        "A subtask contains characters that can't be shown. Retype it, or paste it as plain text.");

    public static readonly DomainError OrderNegative = DomainError.Define(ErrorKind.Invalid,
        "milestone.order_negative", "order",
        "order must be a non-negative integer",
        "That position doesn't exist on the board.");

    public static readonly DomainError ReorderIdsMismatch = DomainError.Define(ErrorKind.Invalid,
        "milestone.reorder_ids_mismatch", "ids",
        "ids must list every milestone of the goal exactly once",
        "The board changed while you were reordering it. Reload and try again.");
}
