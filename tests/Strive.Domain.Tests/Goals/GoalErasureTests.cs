using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SkiaSharp;
using Strive.Domain.Goals;
using Strive.Domain.Posts;
using Strive.Domain.Reminders;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Goals;

/// <summary>A deleted goal is erased for good once its 30 days under "Recently deleted" are over.</summary>
public sealed class GoalErasureTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    public void Dispose() => _domain.Dispose();

    /// <summary>
    /// The tables come from the model: Goals and every table with a foreign key leading to it, however
    /// indirectly. A table added later is checked too, and must be seeded here (the test asks that each one
    /// holds rows of the doomed goal before the erasure).
    /// </summary>
    [Fact]
    public async Task Erase_ThirtyDaysAfterTheDelete_LeavesNoRowThatReferredToTheGoal_AndKeepsTheOthers()
    {
        await SeedFullGoalAsync("Kept");
        var tables = TablesReferringToGoals();
        var baseline = await CountAsync(tables);
        var (ownerId, goalId) = await SeedFullGoalAsync("Doomed");
        var seeded = await CountAsync(tables);
        Assert.All(tables, t => Assert.True(seeded[t] > baseline[t], $"seed the table {t} for the doomed goal"));

        await _domain.Goals.DeleteAsync(ownerId, goalId);
        _domain.Clock.Advance(Goal.RestoreWindow - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _domain.Erasure.EraseExpiredAsync());
        _domain.Clock.Advance(TimeSpan.FromMinutes(2));
        var erased = await _domain.Erasure.EraseExpiredAsync();

        Assert.Equal(1, erased);
        Assert.Equal(baseline, await CountAsync(tables));
        Assert.Equal(GoalErrors.NotFound, (await _domain.Goals.RestoreAsync(ownerId, goalId)).Error);
    }

    [Fact]
    public async Task Erase_BySeveralInstancesAtOnce_ErasesEachGoalOnce()
    {
        var (ownerId, goalId) = await SeedFullGoalAsync("Doomed");
        await _domain.Goals.DeleteAsync(ownerId, goalId);
        _domain.Clock.Advance(Goal.RestoreWindow + TimeSpan.FromSeconds(1));
        var instances = Enumerable.Range(0, 4).Select(_ => new GoalErasureService(_domain.Contexts, _domain.Clock));

        var erased = await Task.WhenAll(instances.Select(i => i.EraseExpiredAsync()));

        Assert.Equal(1, erased.Sum());
    }

    [Fact]
    public async Task Erase_LeavesALiveGoalAndARestoredOne()
    {
        var (ownerId, goalId) = await SeedFullGoalAsync("Restored");
        var (liveOwnerId, liveId) = await SeedFullGoalAsync("Live");
        await _domain.Goals.DeleteAsync(ownerId, goalId);
        _domain.Clock.Advance(TimeSpan.FromDays(29));
        Assert.True((await _domain.Goals.RestoreAsync(ownerId, goalId)).IsSuccess);
        _domain.Clock.Advance(TimeSpan.FromDays(60));

        Assert.Equal(0, await _domain.Erasure.EraseExpiredAsync());

        Assert.True((await _domain.Goals.GetAsync(ownerId, goalId)).IsSuccess);
        Assert.Equal(2, (await _domain.Milestones.ListAsync(liveOwnerId, liveId)).Value!.Count);
    }

    /// <summary>
    /// A goal with something in every table: people, milestones (one deleted), pledges, events, a link, a post with
    /// a photo, a reminder.
    /// </summary>
    private async Task<(string OwnerId, string GoalId)> SeedFullGoalAsync(string title)
    {
        var (ownerId, goalId) = await _domain.CreateGoalAsync(title);
        var supporterId = await _domain.CreateUserAsync("supporter");
        await _domain.Stakeholders.AddAsync(ownerId, goalId, await _domain.EmailOfAsync(supporterId),
            StakeholderRoles.Supporter);
        var a = await _domain.AddMilestoneAsync(ownerId, goalId, "A");
        await _domain.AddMilestoneAsync(ownerId, goalId, "B");
        var gone = await _domain.AddMilestoneAsync(ownerId, goalId, "C");
        await _domain.Milestones.DeleteAsync(ownerId, goalId, gone.Id);
        Assert.True((await _domain.Supports.PledgeAsync(supporterId, goalId, a.Id, "Shoes")).IsSuccess);
        Assert.True((await _domain.Invitations.CreateAsync(ownerId, goalId, StakeholderRoles.Spectator,
            TimeSpan.FromDays(7))).IsSuccess);
        var post = await _domain.Posts.CreateAsync(ownerId, goalId, new NewPost("Ran 12 km", MilestoneId: a.Id));
        Assert.True((await _domain.Posts.AddMediaAsync(ownerId, goalId, post.Value!.Post.Id, TinyPng())).IsSuccess);
        Assert.True((await _domain.Reminders.CreateAsync(ownerId, goalId,
            new NewReminder("Log the week", _domain.Clock.GetUtcNow().AddDays(1)))).IsSuccess);
        return (ownerId, goalId);
    }

    private static byte[] TinyPng()
    {
        using var bitmap = new SKBitmap(2, 2);
        bitmap.Erase(SKColors.Teal);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private List<string> TablesReferringToGoals()
    {
        using var db = _domain.Contexts.CreateDbContext();
        var reached = new HashSet<IEntityType> { db.Model.FindEntityType(typeof(Goal))! };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var type in db.Model.GetEntityTypes().Where(t => !reached.Contains(t)))
            {
                if (type.GetForeignKeys().Any(fk => reached.Contains(fk.PrincipalEntityType)))
                {
                    grew |= reached.Add(type);
                }
            }
        }

        return [.. reached.Select(t => t.GetTableName()!).Distinct().Order()];
    }

    private async Task<Dictionary<string, int>> CountAsync(IEnumerable<string> tables)
    {
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var counts = new Dictionary<string, int>();
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // The table names come from the model, not from input.
            counts[table] = await db.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"")
                .SingleAsync();
#pragma warning restore EF1002
        }

        return counts;
    }
}
