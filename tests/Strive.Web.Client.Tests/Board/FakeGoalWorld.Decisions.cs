using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Invitations;
using Strive.Domain.Supports;

namespace Strive.Web.Client.Tests.Board;

/// <summary>Decisions on pledges and invite links, with the real services' refusals.</summary>
public sealed partial class FakeGoalWorld : IInvitationService
{
    private readonly List<InvitationView> _links = [];

    public List<(string SupportId, bool Accept, string? Note)> DecideCalls { get; } = [];

    public List<string> RevokeCalls { get; } = [];

    /// <summary>A pledge by <paramref name="supporterId"/> (shown as <paramref name="name"/>) in the given state.</summary>
    public FakeGoalWorld WithPledge(string milestoneId, string supporterId, string name, string description,
        SupportStatus status = SupportStatus.Open, bool needsDecision = false, string? note = null)
    {
        Supports.Add(new SupportView($"s{Supports.Count + 1}", GoalId, milestoneId, description, status,
            needsDecision ? _now : null, note, supporterId, name, _now, _now));
        return this;
    }

    public FakeGoalWorld WithInviteLink(StakeholderRoles roles)
    {
        _links.Add(new InvitationView($"i{_links.Count + 1}", roles, "Alice", _now, _now.AddDays(7)));
        return this;
    }

    public Task<Result<SupportView>> DecideAsync(string actorId, string goalId, string supportId, bool accept,
        string? note, CancellationToken cancellationToken = default)
    {
        DecideCalls.Add((supportId, accept, note));
        var index = Supports.FindIndex(s => s.Id == supportId);
        if (index < 0)
        {
            return Task.FromResult(Result<SupportView>.Failure(SupportErrors.NotFound));
        }

        var support = Supports[index];
        if (support.SupporterId != actorId)
        {
            return Task.FromResult(Result<SupportView>.Failure(SupportErrors.DecideForbidden));
        }

        if (support.Status != SupportStatus.Open || support.NeedsDecision is null)
        {
            return Task.FromResult(Result<SupportView>.Failure(SupportErrors.NoDecisionNeeded));
        }

        Supports[index] = support with
        {
            Status = accept ? SupportStatus.Accepted : SupportStatus.Rejected,
            NeedsDecision = null,
            Note = string.IsNullOrEmpty(note) ? null : note,
        };
        return Task.FromResult(Result<SupportView>.Success(Supports[index]));
    }

    public Task<Result<CreatedInvitation>> CreateAsync(string actorId, string goalId, StakeholderRoles roles,
        TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (!_roles.TryGetValue(actorId, out var mine) || !mine.IsAdmin())
        {
            return Task.FromResult(Result<CreatedInvitation>.Failure(StakeholderErrors.ManageForbidden));
        }

        var view = new InvitationView($"i{_links.Count + 1}", roles, actorId, _now, _now + lifetime);
        _links.Insert(0, view);
        return Task.FromResult(Result<CreatedInvitation>.Success(new CreatedInvitation(view, "inv_" + new string('a', 64))));
    }

    public Task<Result<IReadOnlyList<InvitationView>>> ListActiveAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<IReadOnlyList<InvitationView>>>(_links.ToList());

    public Task<Result<InvitationView>> RevokeAsync(string actorId, string goalId, string invitationId,
        CancellationToken cancellationToken = default)
    {
        RevokeCalls.Add(invitationId);
        var link = _links.FirstOrDefault(l => l.Id == invitationId);
        if (link is null)
        {
            return Task.FromResult(Result<InvitationView>.Failure(InvitationErrors.NotFound));
        }

        _links.Remove(link);
        return Task.FromResult(Result<InvitationView>.Success(link));
    }

    public Task<Result<InvitationPreview>> PreviewAsync(string? token, CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<InvitationPreview>.Failure(InvitationErrors.Unknown));

    public Task<Result<AcceptedInvitation>> AcceptAsync(string userId, string? token,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(Result<AcceptedInvitation>.Failure(InvitationErrors.Unknown));
}
