using Strive.Domain.Persistence;

namespace Strive.Domain.Supports;

internal static class SupportQueries
{
    /// <summary>
    /// The pledges people see: goal-wide ones and those of a live milestone. Deleting a milestone keeps its
    /// pledges stored but hides them with it, so restoring it brings them back (docs/api/API.md, "Restoring
    /// a deleted milestone"). Every read of supports goes through here.
    /// </summary>
    public static IQueryable<Support> Visible(this StriveDbContext db) =>
        db.Supports.Where(s => s.MilestoneId == null
            || db.Milestones.Any(m => m.Id == s.MilestoneId && m.DeletedAt == null));
}
