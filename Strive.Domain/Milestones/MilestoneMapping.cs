namespace Strive.Domain.Milestones;

internal static class MilestoneMapping
{
    public static MilestoneView ToView(this Milestone m, int supportCount) => new(
        m.Id, m.GoalId, m.Content, m.Description, m.Status, m.Order, m.Deadline, [.. m.Subtasks], m.FinishedAt,
        m.CreatedAt, m.UpdatedAt, supportCount);
}
