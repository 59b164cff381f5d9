using Strive.Domain.Common;

namespace Strive.Domain.Supports;

/// <summary>A supporter's pledge to the achievers, for a whole goal or for one milestone.</summary>
public sealed class Support
{
    public const int DescriptionMaxLength = 1000;
    public const int NoteMaxLength = 1000;

    private Support() { } // EF Core

    public Support(string goalId, string? milestoneId, string supporterId, string description, DateTimeOffset now)
    {
        Id = Ids.New();
        GoalId = goalId;
        MilestoneId = milestoneId;
        SupporterId = supporterId;
        Description = description;
        Status = SupportStatus.Open;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public string Id { get; private set; } = "";

    public string GoalId { get; private set; } = "";

    public string? MilestoneId { get; private set; }

    public string SupporterId { get; private set; } = "";

    public string Description { get; private set; } = "";

    public SupportStatus Status { get; private set; }

    /// <summary>Set when the milestone it backs completes: the supporter now owes a decision.</summary>
    public DateTimeOffset? NeedsDecision { get; private set; }

    /// <summary>What the supporter said with the decision, if anything.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void RequireDecision(DateTimeOffset now)
    {
        if (Status != SupportStatus.Open || NeedsDecision is not null)
        {
            return;
        }

        NeedsDecision = now;
        UpdatedAt = now;
    }

    /// <summary>A reopened milestone takes back the request for a decision that is not yet made.</summary>
    public void WithdrawDecisionRequest(DateTimeOffset now)
    {
        if (Status != SupportStatus.Open || NeedsDecision is null)
        {
            return;
        }

        NeedsDecision = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// The supporter's final word on a pledge whose milestone (or goal) has finished: given or not. Only while a
    /// decision is asked for (docs/api/API.md "Supports"); a decision is final.
    /// </summary>
    public Result<Support> Decide(bool accept, string? note, DateTimeOffset now)
    {
        if (Status != SupportStatus.Open || NeedsDecision is null)
        {
            return SupportErrors.NoDecisionNeeded;
        }

        Status = accept ? SupportStatus.Accepted : SupportStatus.Rejected;
        Note = string.IsNullOrEmpty(note) ? null : note;
        NeedsDecision = null;
        UpdatedAt = now;
        return this;
    }
}
