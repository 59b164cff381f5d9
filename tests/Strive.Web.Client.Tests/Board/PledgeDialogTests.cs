using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Strive.Domain.Supports;
using Strive.Web.Client.Components.Board;

namespace Strive.Web.Client.Tests.Board;

public sealed class PledgeDialogTests : GoalPageTestContext
{
    [Fact]
    public async Task PledgeField_AllowsAsMuchTextAsTheDomainKeeps()
    {
        var milestone = World.WithMilestones("Run 10 km").Milestones[0];
        var dialogs = Services.GetRequiredService<IDialogService>();

        await DialogLayer.InvokeAsync(() => dialogs.ShowAsync<PledgeDialog>("Pledge support",
            new DialogParameters<PledgeDialog> { { d => d.Milestone, milestone } }));

        var field = DialogLayer.WaitForElement("[data-testid=pledge-text]");
        Assert.Equal(Support.DescriptionMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            field.GetAttribute("maxlength"));
    }
}
