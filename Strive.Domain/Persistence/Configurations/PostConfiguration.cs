using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Posts;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.Property(p => p.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(p => p.GoalId).HasMaxLength(Ids.MaxLength);
        builder.Property(p => p.AuthorId).HasMaxLength(450);
        builder.Property(p => p.MilestoneId).HasMaxLength(Ids.MaxLength);
        // Limits count person-characters; a column holds up to four UTF-16 units each (docs/decisions/007).
        builder.Property(p => p.Description).HasMaxLength(TextRules.StorageLength(Post.DescriptionMaxLength));
        builder.Property(p => p.Url).HasMaxLength(Post.UrlMaxLength);
        builder.Property(p => p.Source).HasMaxLength(TextRules.StorageLength(Post.SourceMaxLength));
        builder.Property(p => p.ExternalId).HasMaxLength(TextRules.StorageLength(Post.SourceMaxLength));
        // Two writers of one post: the one that saves second finds another version and is replayed.
        builder.Property(p => p.Version).IsConcurrencyToken();

        builder.HasOne<Goal>().WithMany().HasForeignKey(p => p.GoalId).OnDelete(DeleteBehavior.Cascade);
        // The story's one order, so a page is an index range read whatever the story's length.
        builder.HasIndex(p => new { p.GoalId, p.Date, p.CreatedAt, p.Id });
        builder.HasIndex(p => new { p.GoalId, p.MilestoneId });
        // An integration's activity is posted once per goal, even when two sends race (SQL Server filters the
        // NULLs of posts written by people out of the unique index by itself; SQLite never counts NULLs equal).
        builder.HasIndex(p => new { p.GoalId, p.Source, p.ExternalId }).IsUnique();
    }
}
