using Strive.Domain.Goals;
using Strive.Domain.Supports;

namespace Strive.Domain.Tests.Supports;

/// <summary>docs/api/API.md "Supports": achievers and admins see every pledge on the board, anyone else their own.</summary>
public sealed class BoardPledgesTests
{
    private static readonly SupportView AnnsPledge = new("s1", "g1", "m1", "Running shoes", SupportStatus.Open, null, null,
        "ann", "Ann", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(StakeholderRoles.Admin)]
    [InlineData(StakeholderRoles.Achiever)]
    [InlineData(StakeholderRoles.Supporter | StakeholderRoles.Achiever)]
    public void APlanner_SeesSomebodyElsesPledge(StakeholderRoles roles) =>
        Assert.True(AnnsPledge.IsShownTo(roles, "bob"));

    [Theory]
    [InlineData(StakeholderRoles.Supporter)]
    [InlineData(StakeholderRoles.Spectator)]
    [InlineData(StakeholderRoles.None)]
    public void AnyoneElse_DoesNotSeeSomebodyElsesPledge(StakeholderRoles roles) =>
        Assert.False(AnnsPledge.IsShownTo(roles, "bob"));

    [Fact]
    public void ASupporter_SeesTheirOwnPledge() =>
        Assert.True(AnnsPledge.IsShownTo(StakeholderRoles.Supporter, "ann"));
}
