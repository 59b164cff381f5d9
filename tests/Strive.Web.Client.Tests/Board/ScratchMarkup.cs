using Bunit;
using MudBlazor;
using Strive.Domain.Goals;

namespace Strive.Web.Client.Tests.Board;

public sealed class ScratchMarkup : GoalPageTestContext
{
    [Fact]
    public void Dump()
    {
        World.WithGoal().WithMember(Me, StakeholderRoles.Admin | StakeholderRoles.Achiever).WithMilestones("Buy shoes");
        var page = RenderGoal();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=milestone]")));
        File.WriteAllText("/tmp/bm/page.html", page.Markup);
        var tf = Render<MudTextField<string>>(p => p.Add(x => x.Placeholder, "Add a milestone").Add(x => x.Variant, Variant.Outlined)
            .Add(x => x.Margin, Margin.Dense).Add(x => x.Class, "new-milestone").Add(x => x.Immediate, true).Add(x => x.MaxLength, 200)
            .AddUnmatched("aria-label", "New milestone").AddUnmatched("data-testid", "new-milestone-content"));
        var b = Render<MudButton>(p => p.Add(x => x.Variant, Variant.Filled).Add(x => x.Color, Color.Primary).Add(x => x.StartIcon, Icons.Material.Filled.Add)
            .Add(x => x.DropShadow, false).Add(x => x.Class, "new-milestone-add").Add(x => x.Disabled, true).AddUnmatched("data-testid", "add-milestone").AddChildContent("Add"));
        File.WriteAllText("/tmp/bm/controls.html", tf.Markup + "\n\n" + b.Markup);
    }
}
