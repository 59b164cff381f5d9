using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Strive.Domain.ApiKeys;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Idempotency;
using Strive.Domain.Invitations;
using Strive.Domain.Jobs;
using Strive.Domain.Milestones;
using Strive.Domain.Notifications;
using Strive.Domain.Reminders;
using Strive.Domain.Posts;
using Strive.Domain.Supports;
using Strive.Domain.Users;

namespace Strive.Domain.Persistence;

/// <summary>
/// The one model of Strive, Identity included. Each database provider has a thin subclass in the
/// host with its own migrations (see Strive.Web/Data).
/// </summary>
public abstract class StriveDbContext(DbContextOptions options) : IdentityDbContext<StriveUser>(options)
{
    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<GoalEvent> GoalEvents => Set<GoalEvent>();

    public DbSet<Support> Supports => Set<Support>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<Job> Jobs => Set<Job>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    /// <summary>
    /// Every save first adds the notifications its goal events call for (<see cref="NotificationPlanner"/>), so
    /// they commit or roll back with the change itself.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default)
    {
        await NotificationPlanner.AddForChangesAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
    public DbSet<Post> Posts => Set<Post>();

    public DbSet<PostMedia> PostMedia => Set<PostMedia>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StriveDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name: readable in the database and safe against reordering members.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }
}
