using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Persistence;
using Strive.Domain.Users;

namespace Strive.Domain.Invitations;

public sealed class InvitationService(
    IDbContextFactory<StriveDbContext> contexts,
    GoalWrites writes,
    TimeProvider clock) : IInvitationService
{
    /// <summary>A bound on links a goal keeps open at once, so a script can't fill the table.</summary>
    public const int MaxActivePerGoal = 20;

    public async Task<Result<CreatedInvitation>> CreateAsync(string actorId, string goalId, StakeholderRoles roles,
        TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var token = InvitationTokens.NewToken();
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var goal = await LoadForAdminAsync(db, actorId, goalId, cancellationToken);
            if (!goal.IsSuccess)
            {
                return goal.Error;
            }

            var now = clock.Now();
            var active = await db.Invitations.CountAsync(
                i => i.GoalId == goalId && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now, cancellationToken);
            if (active >= MaxActivePerGoal)
            {
                return InvitationErrors.TooManyActive;
            }

            var created = Invitation.Create(goalId, InvitationTokens.Hash(token), roles, lifetime, actorId, now);
            if (!created.IsSuccess)
            {
                return created.Error;
            }

            db.Invitations.Add(created.Value);
            goal.Value.Touch(now);
            db.GoalEvents.Add(new GoalEvent(goalId, GoalEventType.InviteLinkCreated, actorId, null,
                string.Join(", ", roles.ToNames()), now));
            await db.SaveChangesAsync(cancellationToken);
            var view = await ToViewAsync(db, created.Value, cancellationToken);
            return Result<CreatedInvitation>.Success(new CreatedInvitation(view, token));
        }, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<InvitationView>>> ListActiveAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.IsAdmin(), StakeholderErrors.ManageForbidden,
            cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        var now = clock.Now();
        var rows = await (
                from i in db.Invitations.AsNoTracking()
                join u in db.Users on i.CreatedById equals u.Id
                where i.GoalId == goalId && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now
                select new { Invitation = i, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return Result<IReadOnlyList<InvitationView>>.Success([.. rows
            .OrderByDescending(r => r.Invitation.CreatedAt)
            .Select(r => ToView(r.Invitation, StriveUser.ShownNameOf(r.DisplayName, r.Email)))]);
    }

    public async Task<Result<InvitationView>> RevokeAsync(string actorId, string goalId, string invitationId,
        CancellationToken cancellationToken = default)
    {
        return await writes.RunAsync(goalId, actorId, async db =>
        {
            var goal = await LoadForAdminAsync(db, actorId, goalId, cancellationToken);
            if (!goal.IsSuccess)
            {
                return goal.Error;
            }

            var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == invitationId && i.GoalId == goalId,
                cancellationToken);
            if (invitation is null)
            {
                return InvitationErrors.NotFound;
            }

            var now = clock.Now();
            var revoked = invitation.Revoke(now);
            if (!revoked.IsSuccess)
            {
                return revoked.Error;
            }

            goal.Value.Touch(now);
            db.GoalEvents.Add(new GoalEvent(goalId, GoalEventType.InviteLinkRevoked, actorId, null,
                string.Join(", ", invitation.Roles.ToNames()), now));
            await db.SaveChangesAsync(cancellationToken);
            return Result<InvitationView>.Success(await ToViewAsync(db, invitation, cancellationToken));
        }, cancellationToken);
    }

    public async Task<Result<InvitationPreview>> PreviewAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!InvitationTokens.IsWellFormed(token))
        {
            return InvitationErrors.Unknown;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hash = InvitationTokens.Hash(token!);
        var found = await (
                from i in db.Invitations.AsNoTracking()
                join g in db.Goals on i.GoalId equals g.Id
                where i.TokenHash == hash
                select new { Invitation = i, g.Title })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return InvitationErrors.Unknown;
        }

        return found.Invitation.Refusal(clock.Now()) is { } refusal
            ? refusal
            : new InvitationPreview(found.Invitation.GoalId, found.Title, found.Invitation.Roles, found.Invitation.ExpiresAt);
    }

    public async Task<Result<AcceptedInvitation>> AcceptAsync(string userId, string? token,
        CancellationToken cancellationToken = default)
    {
        if (!InvitationTokens.IsWellFormed(token))
        {
            return InvitationErrors.Unknown;
        }

        var hash = InvitationTokens.Hash(token!);
        await using (var lookup = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var goalId = await lookup.Invitations.AsNoTracking().Where(i => i.TokenHash == hash).Select(i => i.GoalId)
                .FirstOrDefaultAsync(cancellationToken);
            if (goalId is null)
            {
                return InvitationErrors.Unknown;
            }

            // The goal's concurrency token guards the link too: two people racing for one link both touch the
            // goal, so the second replays, finds the link used and is refused.
            return await writes.RunAsync(goalId, userId, db => AcceptCoreAsync(db, userId, hash, cancellationToken),
                cancellationToken);
        }
    }

    private async Task<Result<AcceptedInvitation>> AcceptCoreAsync(StriveDbContext db, string userId, string hash,
        CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstAsync(i => i.TokenHash == hash, cancellationToken);
        var now = clock.Now();
        if (invitation.Refusal(now) is { } refusal)
        {
            return refusal;
        }

        var goal = await db.Goals.Include(g => g.Stakeholders).FirstOrDefaultAsync(g => g.Id == invitation.GoalId,
            cancellationToken);
        if (goal is null)
        {
            // The goal was deleted: its links lead nowhere until it is restored.
            return InvitationErrors.Unknown;
        }

        var held = goal.Stakeholders.FirstOrDefault(s => s.UserId == userId)?.Roles ?? StakeholderRoles.None;
        if ((held & invitation.Roles) == invitation.Roles)
        {
            // Opening a link for roles one has already (an admin trying their own link) leaves it for the invitee.
            return new AcceptedInvitation(goal.Id, LinkUsed: false);
        }

        var added = goal.AddStakeholder(userId, invitation.Roles, now);
        if (!added.IsSuccess)
        {
            return added.Error;
        }

        invitation.Use(userId, now);
        goal.Touch(now);
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, cancellationToken);
        db.GoalEvents.Add(new GoalEvent(goal.Id, GoalEventType.StakeholderJoinedByLink, userId, null,
            string.Join(", ", invitation.Roles.ToNames()), now));
        await db.SaveChangesAsync(cancellationToken);
        return new AcceptedInvitation(goal.Id, LinkUsed: true);
    }

    /// <summary>The goal, tracked, once the actor has proved to be one of its admins.</summary>
    private static async Task<Result<Goal>> LoadForAdminAsync(StriveDbContext db, string actorId, string goalId,
        CancellationToken cancellationToken)
    {
        var access = await GoalAccess.RolesAsync(db, goalId, actorId, r => r.IsAdmin(), StakeholderErrors.ManageForbidden,
            cancellationToken);
        if (!access.IsSuccess)
        {
            return access.Error;
        }

        return await db.Goals.FirstAsync(g => g.Id == goalId, cancellationToken);
    }

    private static async Task<InvitationView> ToViewAsync(StriveDbContext db, Invitation invitation,
        CancellationToken cancellationToken)
    {
        var creator = await db.Users.AsNoTracking().FirstAsync(u => u.Id == invitation.CreatedById, cancellationToken);
        return ToView(invitation, creator.ShownName);
    }

    private static InvitationView ToView(Invitation i, string createdByName) =>
        new(i.Id, i.Roles, createdByName, i.CreatedAt, i.ExpiresAt);
}
