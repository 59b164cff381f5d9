using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Strive.Domain.ApiKeys;
using Strive.Domain.Deadlines;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Invitations;
using Strive.Domain.Jobs;
using Strive.Domain.Milestones;
using Strive.Domain.Notifications;
using Strive.Domain.Persistence;
using Strive.Domain.Posts;
using Strive.Domain.Reminders;
using Strive.Domain.Supports;
using Strive.Domain.Users;

namespace Strive.Domain.Tests.Infrastructure;

/// <summary>
/// The real domain services over a real SQLite database (a temp file, so parallel writers really
/// race), with a fake clock the test drives.
/// </summary>
public sealed class DomainHarness : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"strive-domain-{Guid.NewGuid():N}.db");

    /// <param name="interceptors">To watch or disturb the SQL the services send (for example to lose a race).</param>
    public DomainHarness(params IInterceptor[] interceptors)
    {
        var options = new DbContextOptionsBuilder<TestDbContext>()
            .UseSqlite($"Data Source={_path};Foreign Keys=True;Default Timeout=60")
            .AddInterceptors(interceptors)
            .Options;
        Contexts = new Factory(options);
        using (var db = Contexts.CreateDbContext())
        {
            db.Database.EnsureCreated();
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
        }

        Notifier = new InProcessGoalChangeNotifier(NullLogger<InProcessGoalChangeNotifier>.Instance, Gates);
        // Open: these tests race writers on purpose, to exercise the claim and the replay.
        var writes = new GoalWrites(Contexts, Notifier, Origin, WriteGate.Open());
        Goals = new GoalService(Contexts, writes, Clock);
        Stakeholders = new StakeholderService(Contexts, writes, Clock);
        Milestones = new MilestoneService(Contexts, writes, Gates, Clock);
        Supports = new SupportService(Contexts, writes, Clock);
        ApiKeys = new ApiKeyService(Contexts, new ApiKeyUsage(Contexts),
            new InMemoryApiKeyCache(Microsoft.Extensions.Options.Options.Create(new ApiKeyCacheOptions())), Clock);
        Deadlines = new DeadlineService(Contexts, Notifier, Clock);
        Invitations = new InvitationService(Contexts, writes, Clock);
        Reminders = new ReminderService(Contexts, Clock);
        Notifications = new NotificationService(Contexts, Notifier, Clock);
        Posts = new PostService(Contexts, writes, Clock);
        Erasure = new GoalErasureService(Contexts, Clock);
        Exports = new GoalExportService(Contexts, Clock);
        Jobs = NewInstance();
    }

    /// <summary>One app instance's job runner over the shared database (as many as a test wants to race).</summary>
    public JobRunner NewInstance()
    {
        var claims = new JobClaims(Contexts, Clock);
        IJobHandler[] handlers =
        [
            new DeadlineScanJob(Deadlines, Microsoft.Extensions.Options.Options.Create(new DeadlineOptions()), Clock),
            new ReminderJob(Contexts, Notifier, Clock),
        ];
        return new JobRunner(claims, handlers, Microsoft.Extensions.Options.Options.Create(new JobOptions()), Clock,
            NullLogger<JobRunner>.Instance);
    }

    public PostService Posts { get; }

    public GoalErasureService Erasure { get; }

    public GoalExportService Exports { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public IDbContextFactory<StriveDbContext> Contexts { get; }

    public InProcessGoalChangeNotifier Notifier { get; }

    /// <summary>The list's kept read gates, forgotten by <see cref="Notifier"/> on every change, as in the app.</summary>
    public GoalGateCache Gates { get; } = new();

    /// <summary>The origin every change made through these services carries, as one circuit's would.</summary>
    public ChangeOrigin Origin { get; } = new();

    public GoalService Goals { get; }

    public StakeholderService Stakeholders { get; }

    public MilestoneService Milestones { get; }

    public SupportService Supports { get; }

    public ApiKeyService ApiKeys { get; }

    public DeadlineService Deadlines { get; }

    public InvitationService Invitations { get; }

    public ReminderService Reminders { get; }

    public NotificationService Notifications { get; }

    /// <summary>This instance's runner of due jobs; <see cref="NewInstance"/> makes others.</summary>
    public JobRunner Jobs { get; }

    public async Task<string> CreateUserAsync(string name)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var email = $"{name}-{Guid.NewGuid():N}@example.test";
        var user = new StriveUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email,
            NormalizedEmail = email.ToUpperInvariant(), DisplayName = name, CreatedAt = Clock.GetUtcNow(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public async Task<string> EmailOfAsync(string userId)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return (await db.Users.SingleAsync(u => u.Id == userId)).Email!;
    }

    /// <summary>A user with a goal of their own (admin, achiever, spectator).</summary>
    public async Task<(string OwnerId, string GoalId)> CreateGoalAsync(string title = "Run a marathon")
    {
        var owner = await CreateUserAsync("owner");
        var goal = await Goals.CreateAsync(owner, new NewGoal(title));
        return (owner, goal.Value!.Id);
    }

    public async Task<MilestoneView> AddMilestoneAsync(string actorId, string goalId, string content, int? order = null)
    {
        var result = await Milestones.CreateAsync(actorId, goalId, new NewMilestone(content, Order: order));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value;
    }

    public async Task<string[]> ContentsInOrderAsync(string actorId, string goalId) =>
        [.. (await Milestones.ListAsync(actorId, goalId)).Value!.Select(m => m.Content)];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class Factory(DbContextOptions<TestDbContext> options) : IDbContextFactory<StriveDbContext>
    {
        public StriveDbContext CreateDbContext() => new TestDbContext(options);
    }
}
