using Strive.Domain.Common;
using Strive.Domain.Milestones;

namespace Strive.Domain.Tests.Milestones;

/// <summary>The milestone refuses what it may not hold, by itself, before any service or database is involved.</summary>
public sealed class MilestoneEntityTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static Milestone Valid() => Milestone.Create("g1", "Run 5K", "", null, null, Now).Value!;

    private static List<Subtask> Subtasks(int count, string content = "step") =>
        [.. Enumerable.Range(0, count).Select(_ => new Subtask(content, false))];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_WithoutContent_IsRefusedNamingContent(string? content)
    {
        var created = Milestone.Create("g1", content, null, null, null, Now);

        Assert.Equal(MilestoneErrors.ContentRequired, created.Error);
        Assert.Equal("content", created.Error?.Field);
        Assert.Equal("milestone.content_required", created.Error?.Code);
    }

    [Fact]
    public void Create_PastEachLimit_IsRefusedWithThatLimitsError()
    {
        Assert.Equal(MilestoneErrors.ContentTooLong,
            Milestone.Create("g1", new string('a', Milestone.ContentMaxLength + 1), null, null, null, Now).Error);
        Assert.Equal(MilestoneErrors.DescriptionTooLong,
            Milestone.Create("g1", "ok", new string('a', Milestone.DescriptionMaxLength + 1), null, null, Now).Error);
        Assert.Equal(MilestoneErrors.TooManySubtasks,
            Milestone.Create("g1", "ok", null, null, Subtasks(Subtask.MaxCount + 1), Now).Error);
        Assert.Equal(MilestoneErrors.SubtaskContentInvalid,
            Milestone.Create("g1", "ok", null, null, Subtasks(1, " "), Now).Error);
        Assert.Equal(MilestoneErrors.SubtaskContentInvalid,
            Milestone.Create("g1", "ok", null, null, Subtasks(1, new string('a', Subtask.ContentMaxLength + 1)), Now).Error);
    }

    [Fact]
    public void Create_AtTheLimits_TrimsAndKeepsEverything()
    {
        var created = Milestone.Create("g1", "  " + new string('a', Milestone.ContentMaxLength) + "  ",
            new string('d', Milestone.DescriptionMaxLength), new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero),
            [new Subtask(" Shoes ", true)], Now);

        Assert.True(created.IsSuccess);
        Assert.Equal(Milestone.ContentMaxLength, created.Value.Content.Length);
        Assert.Equal([new Subtask("Shoes", true)], created.Value.Subtasks);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 59, 59, 999, TimeSpan.Zero), created.Value.Deadline);
        Assert.Equal(MilestoneStatus.Pending, created.Value.Status);
    }

    [Fact]
    public void Rewrite_WithBlankContent_IsRefusedAndKeepsTheOldContent()
    {
        var milestone = Valid();

        var result = milestone.Rewrite("  ");

        Assert.Equal(MilestoneErrors.ContentRequired, result.Error);
        Assert.Equal("Run 5K", milestone.Content);
    }

    [Fact]
    public void Rewrite_SaysWhetherAnythingChanged()
    {
        var milestone = Valid();

        Assert.False(milestone.Rewrite(" Run 5K ").Value);
        Assert.True(milestone.Rewrite("Run 10K").Value);
        Assert.Equal("Run 10K", milestone.Content);
    }

    [Fact]
    public void Describe_PastTheLimit_IsRefused()
    {
        var milestone = Valid();

        Assert.Equal(MilestoneErrors.DescriptionTooLong,
            milestone.Describe(new string('a', Milestone.DescriptionMaxLength + 1)).Error);
        Assert.Equal("", milestone.Description);
    }

    [Fact]
    public void ReplaceSubtasks_WithAnEmptySubtask_IsRefusedAndKeepsTheOldList()
    {
        var milestone = Valid();
        milestone.ReplaceSubtasks([new Subtask("Shoes", false)]);

        var result = milestone.ReplaceSubtasks([new Subtask("Plan", false), new Subtask("", false)]);

        Assert.Equal(MilestoneErrors.SubtaskContentInvalid, result.Error);
        Assert.Equal([new Subtask("Shoes", false)], milestone.Subtasks);
    }

    [Fact]
    public void Revise_WithOneBadField_ChangesNothing()
    {
        var milestone = Valid();

        var result = milestone.Revise(new Optional<string?>("Run 10K"), new Optional<string?>("Fast"),
            new Optional<DateTimeOffset?>(Now), new Optional<IReadOnlyList<Subtask>?>(Subtasks(Subtask.MaxCount + 1)));

        Assert.Equal(MilestoneErrors.TooManySubtasks, result.Error);
        Assert.Equal("Run 5K", milestone.Content);
        Assert.Equal("", milestone.Description);
        Assert.Null(milestone.Deadline);
    }

    [Fact]
    public void Revise_WithOnlyTheSameValues_ReportsNoChange()
    {
        var milestone = Valid();

        var result = milestone.Revise(new Optional<string?>("Run 5K"), Optional<string?>.None,
            new Optional<DateTimeOffset?>(null), Optional<IReadOnlyList<Subtask>?>.None);

        Assert.True(result.IsSuccess);
        Assert.False(result.Value);
    }
}
