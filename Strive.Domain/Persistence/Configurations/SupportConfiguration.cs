using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Supports;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class SupportConfiguration : IEntityTypeConfiguration<Support>
{
    public void Configure(EntityTypeBuilder<Support> builder)
    {
        builder.Property(s => s.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(s => s.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(s => s.MilestoneId).HasMaxLength(Ids.MaxLength);
        builder.Property(s => s.SupporterId).HasMaxLength(450);
        builder.Property(s => s.Description).HasMaxLength(TextRules.StorageLength(Support.DescriptionMaxLength)); // docs/decisions/007
        builder.Property(s => s.Note).HasMaxLength(TextRules.StorageLength(Support.NoteMaxLength));
        builder.HasOne<Goal>().WithMany().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server refuses two cascade paths from one table, so the user link does not cascade.
        builder.HasOne<StriveUser>().WithMany().HasForeignKey(s => s.SupporterId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(s => new { s.GoalId, s.MilestoneId });
        builder.HasIndex(s => s.SupporterId);
    }
}
