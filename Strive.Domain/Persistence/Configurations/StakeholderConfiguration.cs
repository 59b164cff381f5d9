using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class StakeholderConfiguration : IEntityTypeConfiguration<Stakeholder>
{
    public void Configure(EntityTypeBuilder<Stakeholder> builder)
    {
        builder.HasKey(s => new { s.GoalId, s.UserId });
        builder.Property(s => s.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Ignore(s => s.Roles);
        builder.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}
