using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Invitations;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.Property(i => i.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(i => i.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        // Flags: the combination as one number (the names would read "Supporter, Spectator").
        builder.Property(i => i.Roles).HasConversion<int>();
        builder.Property(i => i.CreatedById).HasMaxLength(450);
        builder.Property(i => i.UsedById).HasMaxLength(450);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.GoalId);
        builder.HasOne<Goal>().WithMany().HasForeignKey(i => i.GoalId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server refuses two cascade paths from one table, so the user links do not cascade.
        builder.HasOne<StriveUser>().WithMany().HasForeignKey(i => i.CreatedById).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<StriveUser>().WithMany().HasForeignKey(i => i.UsedById).OnDelete(DeleteBehavior.NoAction);
    }
}
