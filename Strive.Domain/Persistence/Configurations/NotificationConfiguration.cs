using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Notifications;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(n => n.UserId).HasMaxLength(450);
        builder.Property(n => n.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(n => n.MilestoneId).HasMaxLength(Ids.MaxLength);
        builder.Property(n => n.ActorId).HasMaxLength(450);
        builder.Property(n => n.Text).HasMaxLength(Notification.TextMaxLength);
        builder.HasOne<Goal>().WithMany().HasForeignKey(n => n.GoalId).OnDelete(DeleteBehavior.Cascade);
        // SQL Server refuses two cascade paths from one table, so the user link does not cascade.
        builder.HasOne<StriveUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}
