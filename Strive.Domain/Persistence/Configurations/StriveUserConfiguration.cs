using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class StriveUserConfiguration : IEntityTypeConfiguration<StriveUser>
{
    public void Configure(EntityTypeBuilder<StriveUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(StriveUser.DisplayNameMaxLength);
        builder.Ignore(u => u.ShownName);
    }
}
