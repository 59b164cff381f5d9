using Strive.Domain.Goals;

namespace Strive.Domain.Invitations;

/// <summary>An active link as its goal's admins see it: never the token.</summary>
public sealed record InvitationView(
    string Id,
    StakeholderRoles Roles,
    string CreatedByName,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>A link just made: the only moment its token (and so the link) can be shown.</summary>
public sealed record CreatedInvitation(InvitationView Invitation, string Token);

/// <summary>What someone who opens a valid link is invited to, before they sign in.</summary>
public sealed record InvitationPreview(string GoalId, string GoalTitle, StakeholderRoles Roles, DateTimeOffset ExpiresAt);

/// <summary>The goal the person is on now, and whether the link was spent (it is not when they held those roles already).</summary>
public sealed record AcceptedInvitation(string GoalId, bool LinkUsed);
