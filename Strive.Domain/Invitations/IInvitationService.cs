using Strive.Domain.Common;
using Strive.Domain.Goals;

namespace Strive.Domain.Invitations;

/// <summary>Invite links: goal admins make, list and revoke them; whoever opens one joins the goal with its roles.</summary>
public interface IInvitationService
{
    Task<Result<CreatedInvitation>> CreateAsync(string actorId, string goalId, StakeholderRoles roles, TimeSpan lifetime,
        CancellationToken cancellationToken = default);

    /// <summary>The goal's links that can still be used, newest first. Admins only.</summary>
    Task<Result<IReadOnlyList<InvitationView>>> ListActiveAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default);

    Task<Result<InvitationView>> RevokeAsync(string actorId, string goalId, string invitationId,
        CancellationToken cancellationToken = default);

    /// <summary>What a link invites to, for anyone holding it (signed in or not); why not when it can't be used.</summary>
    Task<Result<InvitationPreview>> PreviewAsync(string? token, CancellationToken cancellationToken = default);

    /// <summary>Puts the signed-in person on the goal with the link's roles and spends the link.</summary>
    Task<Result<AcceptedInvitation>> AcceptAsync(string userId, string? token, CancellationToken cancellationToken = default);
}
