using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Jobs;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.Property(j => j.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(j => j.Kind).HasMaxLength(Job.KindMaxLength);
        builder.Property(j => j.Key).HasMaxLength(Job.KeyMaxLength);
        builder.Property(j => j.LeaseOwner).HasMaxLength(Job.LeaseOwnerMaxLength);
        builder.Property(j => j.LastError).HasMaxLength(Job.ErrorMaxLength);
        // The unique key is what makes "queue it unless it is queued" safe between instances.
        builder.HasIndex(j => j.Key).IsUnique();
        builder.HasIndex(j => new { j.Kind, j.DoneAt, j.DueAt });
    }
}
