using Strive.Domain.Common;
using Strive.Domain.Goals;

namespace Strive.Domain.Invitations;

/// <summary>
/// A single-use link that puts whoever opens it on a goal with chosen roles. Only the SHA-256 of its token is
/// stored (like API keys), so the link is shown once, when it is made.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan MinLifetime = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(30);

    private Invitation() { } // EF Core

    private Invitation(string goalId, string tokenHash, StakeholderRoles roles, string createdById,
        DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = Ids.New();
        GoalId = goalId;
        TokenHash = tokenHash;
        Roles = roles;
        CreatedById = createdById;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; } = "";

    public string GoalId { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    public StakeholderRoles Roles { get; private set; }

    public string CreatedById { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public string? UsedById { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>A new link for <paramref name="roles"/>, valid for <paramref name="lifetime"/> (1 hour to 30 days).</summary>
    public static Result<Invitation> Create(string goalId, string tokenHash, StakeholderRoles roles, TimeSpan lifetime,
        string createdById, DateTimeOffset now)
    {
        if (roles == StakeholderRoles.None)
        {
            return StakeholderErrors.NoRoles;
        }

        if (lifetime < MinLifetime || lifetime > MaxLifetime)
        {
            return InvitationErrors.LifetimeOutOfRange;
        }

        return new Invitation(goalId, tokenHash, roles, createdById, now, now + lifetime);
    }

    public bool IsActive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && ExpiresAt > now;

    /// <summary>Why the link can no longer be used, or null while it can.</summary>
    public DomainError? Refusal(DateTimeOffset now) =>
        RevokedAt is not null ? InvitationErrors.Revoked
        : UsedAt is not null ? InvitationErrors.Used
        : ExpiresAt <= now ? InvitationErrors.Expired
        : null;

    public Result<Invitation> Use(string userId, DateTimeOffset now)
    {
        if (Refusal(now) is { } refusal)
        {
            return refusal;
        }

        UsedAt = now;
        UsedById = userId;
        return this;
    }

    public Result<Invitation> Revoke(DateTimeOffset now)
    {
        if (Refusal(now) is not null)
        {
            return InvitationErrors.NotActive;
        }

        RevokedAt = now;
        return this;
    }
}
