using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.Id).HasMaxLength(Ids.MaxLength);
        // Limits count person-characters; a column holds up to four UTF-16 units each (docs/decisions/007).
        builder.Property(g => g.Title).HasMaxLength(TextRules.StorageLength(Goal.TitleMaxLength));
        builder.Property(g => g.Description).HasMaxLength(TextRules.StorageLength(Goal.DescriptionMaxLength));
        builder.Property(g => g.Version).IsConcurrencyToken();
        // A deleted goal is gone for every query at once: the gate, lists, pages, feeds and whatever comes next.
        // Only restore, "Recently deleted" and erasure look past this filter (IgnoreQueryFilters).
        builder.HasQueryFilter(g => g.DeletedAt == null);
        builder.HasIndex(g => g.DeletedAt);
        builder.HasMany(g => g.Stakeholders).WithOne().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}
