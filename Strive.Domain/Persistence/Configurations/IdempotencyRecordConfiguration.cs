using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Idempotency;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyKeys");
        // The unique key is the claim: two instances inserting the same (user, key) cannot both succeed.
        // Not clustered on SQL Server: 900 bytes of user id plus the key pass the 900-byte clustered limit.
        builder.HasKey(r => new { r.UserId, r.Key }).HasAnnotation("SqlServer:Clustered", false);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength).IsUnicode(false);
        builder.Property(r => r.Fingerprint).HasMaxLength(IdempotencyRecord.FingerprintLength).IsUnicode(false);
        builder.Property(r => r.ContentType).HasMaxLength(IdempotencyRecord.ContentTypeMaxLength);
        builder.Property(r => r.Location).HasMaxLength(IdempotencyRecord.LocationMaxLength);
        builder.Property(r => r.ETag).HasMaxLength(IdempotencyRecord.ETagMaxLength);
        // Body: the stored answer, bounded by what the API answers (a goal's whole milestone list), so no limit.
        builder.Ignore(r => r.Response);
        builder.HasIndex(r => r.ExpiresAt);
        builder.HasOne<StriveUser>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
