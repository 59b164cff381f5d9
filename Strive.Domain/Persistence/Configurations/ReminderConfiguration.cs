using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Reminders;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> builder)
    {
        builder.Property(r => r.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(r => r.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Description).HasMaxLength(TextRules.StorageLength(Reminder.DescriptionMaxLength));
        builder.Property(r => r.TimeZone).HasMaxLength(Reminder.TimeZoneMaxLength);
        builder.Ignore(r => r.JobKey);
        builder.HasOne<Goal>().WithMany().HasForeignKey(r => r.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StriveUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(r => new { r.GoalId, r.UserId });
    }
}
