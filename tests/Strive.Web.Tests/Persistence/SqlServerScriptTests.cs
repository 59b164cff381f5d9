using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Persistence;

namespace Strive.Web.Tests.Persistence;

/// <summary>
/// No SQL Server runs here, so the SQL it would run is read by Microsoft's own T-SQL parser instead: the
/// migration scripts, and the SQL EF generates on the SQL Server provider for the services' reads and their
/// set-based writes (captured from a context that never connects). This proves the SQL is valid T-SQL; it
/// does not prove it runs, what it returns, or how it locks (docs/sql-server.md).
/// </summary>
public sealed class SqlServerScriptTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public void IdempotentMigrationScript_ParsesAsTSql()
    {
        var script = MigrationScript(MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Empty(TSql.Errors(script));
    }

    [Fact]
    public void PlainMigrationScript_ParsesAsTSql()
    {
        // The idempotent script wraps some statements in EXEC('...'), which the parser reads as a string;
        // the plain script has every statement bare, so both together leave nothing unparsed.
        var script = MigrationScript(MigrationsSqlGenerationOptions.Default);

        Assert.Contains("CREATE TABLE [Milestones]", script, StringComparison.Ordinal);
        Assert.Empty(TSql.Errors(script));
    }

    [Fact]
    public void Parser_RefusesAScriptWithASyntaxError()
    {
        var script = MigrationScript(MigrationsSqlGenerationOptions.Idempotent)
            .Replace("CREATE TABLE [Milestones] (", "CREATE TABLE [Milestones] ((", StringComparison.Ordinal);

        Assert.NotEmpty(TSql.Errors(script));
        Assert.NotEmpty(TSql.Errors("UPDATE [Goals] SET [Version] = WHERE [Id] = @p0"));
    }

    [Fact]
    public async Task ServiceReads_GenerateTSqlThatParses()
    {
        var capture = new SqlServerCapture();
        var (goals, milestones) = Services(capture);

        await goals.ListAsync("user-1");
        await goals.GetAsync("user-1", "goal-1");
        await goals.GetBoardAsync("user-1", "goal-1", 30);
        await milestones.ListAsync("user-1", "goal-1");
        await using (var db = capture.CreateDbContext())
        {
            await MilestoneQueries.LiveAsync(db, "goal-1", default);
            // A count reads one row, and a context that never connects has none: the SQL was sent before that.
            await Assert.ThrowsAsync<InvalidOperationException>(() => MilestoneQueries.SupportCountAsync(db, "milestone-1", default));
            await db.Milestones.Where(m => m.GoalId == "goal-1" && m.DeletedAt == null).InOrder().ToListAsync();
        }

        AssertAllParse(capture.Commands, atLeast: 5);
    }

    [Fact]
    public async Task SetBasedWrites_GenerateTSqlThatParses()
    {
        var capture = new SqlServerCapture();
        await using (var db = capture.CreateDbContext())
        {
            await GoalPlan.ClaimVersionAsync(db, "goal-1", Guid.NewGuid(), Guid.NewGuid(), Now, default);
            await GoalPlan.RecountAsync(db, "goal-1", default);
            await MilestoneOrder.MakeRoomAsync(db, "goal-1", 2, Now, default);
            await MilestoneOrder.CloseGapAsync(db, "goal-1", 2, Now, default);
            await MilestoneOrder.MoveAsync(db, NewMilestone(order: 5), 1, Now, default);
            await MilestoneOrder.MoveAsync(db, NewMilestone(order: 1), 5, Now, default);
        }

        AssertAllParse(capture.Commands, atLeast: 6);
        Assert.Contains(capture.Commands, sql => sql.Contains("UPDATE [m]", StringComparison.Ordinal) ||
            sql.Contains("UPDATE [Milestones]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SavedRows_GenerateTSqlThatParses()
    {
        var capture = new SqlServerCapture();
        await using var db = capture.CreateDbContext();
        db.Milestones.Add(NewMilestone(order: 0));
        db.GoalEvents.Add(new GoalEvent("goal-1", GoalEventType.MilestoneCreated, "user-1", null, "Juggle", Now));

        await db.SaveChangesAsync();

        AssertAllParse(capture.Commands, atLeast: 1);
        Assert.Contains(capture.Commands, sql => sql.Contains("INSERT INTO [Milestones]", StringComparison.Ordinal));
    }

    private static void AssertAllParse(IReadOnlyCollection<string> commands, int atLeast)
    {
        Assert.True(commands.Count >= atLeast, $"only {commands.Count} commands were captured");
        var failures = commands.Select(sql => (sql, errors: TSql.Errors(sql)))
            .Where(c => c.errors.Count > 0)
            .Select(c => $"{string.Join("; ", c.errors)}\n{c.sql}")
            .ToList();
        Assert.Empty(failures);
    }

    private static string MigrationScript(MigrationsSqlGenerationOptions options)
    {
        using var db = new SqlServerCapture().CreateDbContext();
        return db.GetService<IMigrator>().GenerateScript(options: options);
    }

    private static Milestone NewMilestone(int order)
    {
        var milestone = Milestone.Create("goal-1", "Juggle three balls", null, null, null, Now).Value!;
        milestone.TakePosition(order);
        return milestone;
    }

    private static (IGoalService Goals, IMilestoneService Milestones) Services(SqlServerCapture capture)
    {
        var gates = new GoalGateCache();
        var writes = new GoalWrites(capture,
            new InProcessGoalChangeNotifier(NullLogger<InProcessGoalChangeNotifier>.Instance, gates), new ChangeOrigin(),
            WriteGate.Open());
        return (new GoalService(capture, writes, TimeProvider.System),
            new MilestoneService(capture, writes, gates, TimeProvider.System));
    }
}
