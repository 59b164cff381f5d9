namespace Strive.Domain.Milestones;

/// <summary>A checklist item inside a milestone; stored with the milestone as JSON.</summary>
public sealed record Subtask(string Content, bool Completed)
{
    public const int ContentMaxLength = 500;
    public const int MaxCount = 100;
}
