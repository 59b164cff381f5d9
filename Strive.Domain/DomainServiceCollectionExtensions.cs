using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Strive.Domain.ApiKeys;
using Strive.Domain.Deadlines;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Idempotency;
using Strive.Domain.Invitations;
using Strive.Domain.Jobs;
using Strive.Domain.Milestones;
using Strive.Domain.Notifications;
using Strive.Domain.Persistence;
using Strive.Domain.Reminders;
using Strive.Domain.Posts;
using Strive.Domain.Supports;
using Strive.Domain.Users;

namespace Strive.Domain;

public static class DomainServiceCollectionExtensions
{
    /// <summary>
    /// The domain services both the API and the browser call. They need an
    /// IDbContextFactory&lt;StriveDbContext&gt; from the host.
    /// </summary>
    public static IServiceCollection AddStriveDomain(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GoalGateCache>();
        services.AddSingleton<IGoalChangeNotifier, InProcessGoalChangeNotifier>();
        services.AddSingleton<ApiKeyUsage>();
        services.AddHostedService<ApiKeyUsageWorker>();
        services.AddOptions<ApiKeyCacheOptions>().BindConfiguration(ApiKeyCacheOptions.SectionName);
        // TryAdd: a host running several instances puts one that broadcasts revocations in its place.
        services.TryAddSingleton<IApiKeyCache, InMemoryApiKeyCache>();
        services.AddScoped<ChangeOrigin>();
        services.AddScoped<GoalWrites>();
        // The host puts a serialized gate in its place for SQLite (one writer per database file).
        services.TryAddSingleton(WriteGate.Open());

        services.AddScoped<IGoalService, GoalService>();
        services.AddScoped<IStakeholderService, StakeholderService>();
        services.AddScoped<IMilestoneService, MilestoneService>();
        services.AddScoped<ISupportService, SupportService>();
        services.AddScoped<IApiKeyService, ApiKeyService>();
        services.AddScoped<IUserService, UserService>();
        services.AddScoped<IAccountService, AccountService>();
        services.AddScoped<IInvitationService, InvitationService>();
        services.AddScoped<IPostService, PostService>();

        services.AddOptions<DeadlineOptions>().BindConfiguration(DeadlineOptions.SectionName);
        services.AddSingleton<DeadlineService>();
        services.AddScoped<IReminderService, ReminderService>();
        services.AddScoped<INotificationService, NotificationService>();

        // Everything that must happen once runs through one claim mechanism (docs/decisions/012).
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName);
        services.AddSingleton<JobClaims>();
        services.AddSingleton<IJobHandler, DeadlineScanJob>();
        services.AddSingleton<IJobHandler, ReminderJob>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());

        services.AddOptions<GoalErasureOptions>().BindConfiguration(GoalErasureOptions.SectionName);
        services.AddSingleton<GoalErasureService>();
        services.AddHostedService<GoalErasureWorker>();
        services.AddScoped<IGoalExportService, GoalExportService>();

        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.SectionName);
        services.AddSingleton<IdempotencyStore>();
        services.AddHostedService<IdempotencyCleanupWorker>();
        return services;
    }
}
