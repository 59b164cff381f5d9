using Strive.Domain.Goals;

namespace Strive.Domain.Tests.Goals;

/// <summary>The goal owns who is on it: it keeps an admin, refuses empty roles and strangers, and counts its people.</summary>
public sealed class GoalStakeholderTests
{
    private const StakeholderRoles Admin = StakeholderRoles.Admin;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static Goal NewGoal() => Goal.Create("Run a marathon", null, false, null, "owner", Now).Value!;

    [Fact]
    public void Create_MakesTheCreatorAdminAchieverAndSpectator()
    {
        var goal = NewGoal();

        var creator = Assert.Single(goal.Stakeholders);
        Assert.Equal("owner", creator.UserId);
        Assert.Equal(Goal.CreatorRoles, creator.Roles);
        Assert.Equal(1, goal.NumberOfAchievers);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Create_WithoutTitle_IsRefusedNamingTitle(string? title)
    {
        var created = Goal.Create(title, null, false, null, "owner", Now);

        Assert.Equal(GoalErrors.TitleRequired, created.Error);
        Assert.Equal("title", created.Error?.Field);
    }

    [Fact]
    public void ChangeRoles_OfTheLastAdminToNonAdmin_IsRefused()
    {
        var goal = NewGoal();

        var result = goal.ChangeRoles("owner", StakeholderRoles.Achiever);

        Assert.Equal(StakeholderErrors.LastAdmin, result.Error);
        Assert.Equal(Goal.CreatorRoles, Assert.Single(goal.Stakeholders).Roles);
    }

    [Fact]
    public void ChangeRoles_OfAnAdmin_IsAllowedWhenAnotherAdminStays()
    {
        var goal = NewGoal();
        goal.AddStakeholder("bea", Admin, Now);

        var result = goal.ChangeRoles("owner", StakeholderRoles.Supporter);

        Assert.True(result.IsSuccess);
        Assert.Equal(StakeholderRoles.Supporter, result.Value.Roles);
        Assert.Equal(0, goal.NumberOfAchievers);
        Assert.Equal(1, goal.NumberOfSupporters);
    }

    [Fact]
    public void ChangeRoles_ToNone_IsRefused()
    {
        Assert.Equal(StakeholderErrors.NoRoles, NewGoal().ChangeRoles("owner", StakeholderRoles.None).Error);
    }

    [Fact]
    public void ChangeRoles_OrRemove_OfAStranger_IsNotFound()
    {
        var goal = NewGoal();

        Assert.Equal(StakeholderErrors.NotFound, goal.ChangeRoles("nobody", Admin).Error);
        Assert.Equal(StakeholderErrors.NotFound, goal.RemoveStakeholder("nobody").Error);
    }

    [Fact]
    public void RemoveStakeholder_TheLastAdmin_IsRefused()
    {
        var goal = NewGoal();
        goal.AddStakeholder("cal", StakeholderRoles.Supporter, Now);

        Assert.Equal(StakeholderErrors.LastAdmin, goal.RemoveStakeholder("owner").Error);
        Assert.Equal(2, goal.Stakeholders.Count);
    }

    [Fact]
    public void RemoveStakeholder_ANonAdmin_TakesThemOffAndRecounts()
    {
        var goal = NewGoal();
        goal.AddStakeholder("cal", StakeholderRoles.Supporter, Now);

        Assert.True(goal.RemoveStakeholder("cal").IsSuccess);
        Assert.Equal("owner", Assert.Single(goal.Stakeholders).UserId);
        Assert.Equal(0, goal.NumberOfSupporters);
    }

    [Fact]
    public void AddStakeholder_WithNoRoles_IsRefused_AndForSomeoneOnTheGoal_AddsTheRoles()
    {
        var goal = NewGoal();

        Assert.Equal(StakeholderErrors.NoRoles, goal.AddStakeholder("cal", StakeholderRoles.None, Now).Error);
        var added = goal.AddStakeholder("owner", StakeholderRoles.Supporter, Now);

        Assert.Equal(Goal.CreatorRoles | StakeholderRoles.Supporter, added.Value?.Roles);
        Assert.Single(goal.Stakeholders);
    }

    [Fact]
    public void Stakeholders_AndRoles_HaveNoPublicWayIn()
    {
        Assert.IsNotType<List<Stakeholder>>(NewGoal().Stakeholders);
        Assert.False(typeof(Stakeholder).GetProperty(nameof(Stakeholder.Roles))!.SetMethod?.IsPublic ?? false);
        Assert.Null(typeof(Goal).GetProperty(nameof(Goal.Stakeholders))!.SetMethod);
    }
}
