using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;

namespace Strive.Domain.Persistence.Configurations;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The longest subtask list the limits allow, as JSON: every UTF-16 unit of content may be written as a
    /// six-character \uXXXX escape (the default encoder escapes non-ASCII), plus the object around it.
    /// </summary>
    private const int SubtasksJsonMaxLength =
        Subtask.MaxCount * ((Subtask.ContentMaxLength * TextRules.StorageUnitsPerCharacter * 6) + 40);

    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.Property(m => m.Id).HasMaxLength(Ids.MaxLength);
        builder.Property(m => m.GoalId).HasMaxLength(Ids.MaxLength);
        // Limits count person-characters; a column holds up to four UTF-16 units each (docs/decisions/007).
        builder.Property(m => m.Content).HasMaxLength(TextRules.StorageLength(Milestone.ContentMaxLength));
        builder.Property(m => m.Description).HasMaxLength(TextRules.StorageLength(Milestone.DescriptionMaxLength));

        // Subtasks always travel with their milestone and are replaced as a whole: one JSON column, read
        // and written through the private list so the entity can hand out a read-only view.
        builder.Property(m => m.Subtasks)
            .HasField("_subtasks")
            .UsePropertyAccessMode(PropertyAccessMode.Field)
            .HasConversion(
                list => JsonSerializer.Serialize(list, Json),
                json => JsonSerializer.Deserialize<List<Subtask>>(json, Json) ?? new List<Subtask>(),
                new ValueComparer<IReadOnlyList<Subtask>>(
                    (a, b) => a!.SequenceEqual(b!),
                    list => list.Aggregate(0, (hash, s) => HashCode.Combine(hash, s.GetHashCode())),
                    list => list.ToList()))
            .HasMaxLength(SubtasksJsonMaxLength);

        builder.HasOne<Goal>().WithMany().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.GoalId, m.DeletedAt, m.Order });
        // The deadline worker's scan: pending, live, deadline set, event not yet recorded.
        builder.HasIndex(m => new { m.Status, m.DeadlinePassedAt, m.Deadline });
    }
}
