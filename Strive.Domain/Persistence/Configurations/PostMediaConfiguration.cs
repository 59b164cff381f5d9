using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Posts;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class PostMediaConfiguration : IEntityTypeConfiguration<PostMedia>
{
    public void Configure(EntityTypeBuilder<PostMedia> builder)
    {
        builder.ToTable("PostMedia");
        builder.Property(m => m.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(m => m.PostId).HasMaxLength(Ids.MaxLength);
        builder.Property(m => m.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(m => m.ContentType).HasMaxLength(40);
        // No foreign key to the goal: the post's cascade already removes its photos, and SQL Server allows one path.
        builder.HasOne<Post>().WithMany().HasForeignKey(m => m.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.PostId, m.Position });
    }
}
