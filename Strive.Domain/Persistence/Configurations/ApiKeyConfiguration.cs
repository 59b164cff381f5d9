using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(k => k.UserId).HasMaxLength(450);
        builder.Property(k => k.Name).HasMaxLength(TextRules.StorageLength(ApiKey.NameMaxLength)); // docs/decisions/007
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength);
        builder.Property(k => k.KeyHash).HasMaxLength(64);
        builder.PrimitiveCollection(k => k.Scopes).HasField("_scopes").UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasMaxLength(ApiKey.ScopesMaxLength);
        builder.HasIndex(k => k.KeyHash).IsUnique();
        builder.HasIndex(k => k.UserId);
        builder.HasOne<StriveUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
