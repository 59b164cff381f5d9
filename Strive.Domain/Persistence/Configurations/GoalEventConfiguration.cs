using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class GoalEventConfiguration : IEntityTypeConfiguration<GoalEvent>
{
    public void Configure(EntityTypeBuilder<GoalEvent> builder)
    {
        builder.Property(e => e.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(e => e.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(e => e.MilestoneId).HasMaxLength(Ids.MaxLength);
        builder.Property(e => e.ActorId).HasMaxLength(450);
        builder.Property(e => e.Detail).HasMaxLength(GoalEvent.DetailMaxLength);
        builder.Property(e => e.Via).HasMaxLength(GoalEvent.ViaMaxLength);
        builder.HasOne<Goal>().WithMany().HasForeignKey(e => e.GoalId).OnDelete(DeleteBehavior.Cascade);
        // Events outlive the people who caused them.
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.GoalId, e.CreatedAt });
        builder.HasIndex(e => new { e.MilestoneId, e.Type });
    }
}
