using Microsoft.EntityFrameworkCore;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Invitations;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Invitations;

public sealed class InvitationTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Accept_PutsThePersonOnTheGoalWithTheLinksRoles_AndSpendsTheLink()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var created = (await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Supporter, TimeSpan.FromDays(7))).Value!;
        var newcomer = await _domain.CreateUserAsync("newcomer");
        var latecomer = await _domain.CreateUserAsync("latecomer");

        var accepted = await _domain.Invitations.AcceptAsync(newcomer, created.Token);
        var second = await _domain.Invitations.AcceptAsync(latecomer, created.Token);

        Assert.Equal(new AcceptedInvitation(goal, LinkUsed: true), accepted.Value);
        var people = (await _domain.Stakeholders.ListAsync(owner, goal)).Value!;
        Assert.Equal(StakeholderRoles.Supporter, people.Single(p => p.UserId == newcomer).Roles);
        Assert.DoesNotContain(people, p => p.UserId == latecomer);
        Assert.Equal(InvitationErrors.Used, second.Error);
        Assert.Empty((await _domain.Invitations.ListActiveAsync(owner, goal)).Value!);
        var events = (await _domain.Goals.ListEventsAsync(owner, goal)).Value!;
        Assert.Contains(events, e => e.Type == GoalEventType.StakeholderJoinedByLink && e.ActorId == newcomer);
        Assert.Equal(1, (await _domain.Goals.GetAsync(owner, goal)).Value!.NumberOfSupporters);
    }

    [Fact]
    public async Task TheTokenIsStoredOnlyAsItsHash()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var created = (await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Supporter, TimeSpan.FromDays(7))).Value!;

        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var stored = await db.Invitations.SingleAsync();
        Assert.StartsWith("inv_", created.Token, StringComparison.Ordinal);
        Assert.Equal(68, created.Token.Length);
        Assert.NotEqual(created.Token, stored.TokenHash);
        Assert.DoesNotContain(created.Token[4..], stored.TokenHash, StringComparison.Ordinal);
        Assert.Equal(64, stored.TokenHash.Length);
    }

    [Fact]
    public async Task Expired_Revoked_AndUnknownLinks_AreRefusedWithTheirReason()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var expiring = (await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Supporter, TimeSpan.FromDays(1))).Value!;
        var revoked = (await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Spectator, TimeSpan.FromDays(7))).Value!;
        Assert.True((await _domain.Invitations.RevokeAsync(owner, goal, revoked.Invitation.Id)).IsSuccess);
        var someone = await _domain.CreateUserAsync("someone");

        _domain.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(InvitationErrors.Expired, (await _domain.Invitations.PreviewAsync(expiring.Token)).Error);
        Assert.Equal(InvitationErrors.Expired, (await _domain.Invitations.AcceptAsync(someone, expiring.Token)).Error);
        Assert.Equal(InvitationErrors.Revoked, (await _domain.Invitations.AcceptAsync(someone, revoked.Token)).Error);
        Assert.Equal(InvitationErrors.Unknown, (await _domain.Invitations.AcceptAsync(someone, "inv_" + new string('0', 64))).Error);
        Assert.Equal(InvitationErrors.Unknown, (await _domain.Invitations.PreviewAsync("not a token")).Error);
        Assert.DoesNotContain((await _domain.Stakeholders.ListAsync(owner, goal)).Value!, p => p.UserId == someone);
    }

    [Fact]
    public async Task Preview_NamesTheGoalAndRoles_WithoutSpendingTheLink()
    {
        var (owner, goal) = await _domain.CreateGoalAsync("Climb Kilimanjaro");
        var created = (await _domain.Invitations.CreateAsync(owner, goal,
            StakeholderRoles.Supporter | StakeholderRoles.Spectator, Invitation.DefaultLifetime)).Value!;

        var preview = (await _domain.Invitations.PreviewAsync(created.Token)).Value!;

        Assert.Equal(("Climb Kilimanjaro", StakeholderRoles.Supporter | StakeholderRoles.Spectator),
            (preview.GoalTitle, preview.Roles));
        Assert.Equal(_domain.Clock.GetUtcNow().AddDays(7), preview.ExpiresAt);
        Assert.Single((await _domain.Invitations.ListActiveAsync(owner, goal)).Value!);
    }

    [Fact]
    public async Task OpeningALinkForRolesOneHoldsAlready_LeavesItForTheInvitee()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var created = (await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Spectator, TimeSpan.FromDays(7))).Value!;

        var accepted = await _domain.Invitations.AcceptAsync(owner, created.Token);

        Assert.Equal(new AcceptedInvitation(goal, LinkUsed: false), accepted.Value);
        Assert.Single((await _domain.Invitations.ListActiveAsync(owner, goal)).Value!);
    }

    [Fact]
    public async Task OnlyAdmins_MakeListAndRevokeLinks()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var achiever = await _domain.CreateUserAsync("achiever");
        await _domain.Stakeholders.AddAsync(owner, goal, await _domain.EmailOfAsync(achiever), StakeholderRoles.Achiever);
        var link = (await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Supporter, TimeSpan.FromDays(7))).Value!;

        Assert.Equal(StakeholderErrors.ManageForbidden,
            (await _domain.Invitations.CreateAsync(achiever, goal, StakeholderRoles.Admin, TimeSpan.FromDays(7))).Error);
        Assert.Equal(StakeholderErrors.ManageForbidden, (await _domain.Invitations.ListActiveAsync(achiever, goal)).Error);
        Assert.Equal(StakeholderErrors.ManageForbidden,
            (await _domain.Invitations.RevokeAsync(achiever, goal, link.Invitation.Id)).Error);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(24 * 31)]
    public async Task Create_WithALifetimeOutsideOneHourToThirtyDays_IsRefused(double hours)
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        var result = await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Supporter, TimeSpan.FromHours(hours));

        Assert.Equal(InvitationErrors.LifetimeOutOfRange, result.Error);
    }

    [Fact]
    public async Task Create_WithoutRoles_IsRefused()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        var result = await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.None, TimeSpan.FromDays(7));

        Assert.Equal(StakeholderErrors.NoRoles, result.Error);
    }

    [Fact]
    public async Task TwoPeopleRacingForOneLink_OnlyOneJoins()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();
        var link = (await _domain.Invitations.CreateAsync(owner, goal, StakeholderRoles.Supporter, TimeSpan.FromDays(7))).Value!;
        var people = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _domain.CreateUserAsync($"racer{i}")));

        var results = await Task.WhenAll(people.Select(p => _domain.Invitations.AcceptAsync(p, link.Token)));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(InvitationErrors.Used, r.Error));
        var joined = (await _domain.Stakeholders.ListAsync(owner, goal)).Value!.Count(p => people.Contains(p.UserId));
        Assert.Equal(1, joined);
    }

    public void Dispose() => _domain.Dispose();
}
