using MudBlazor;
using Strive.Domain.Supports;

namespace Strive.Web.Client.Components.Supports;

/// <summary>
/// The conversation behind Accept / Reject, wherever a pledge is shown (a milestone row, the goal's own pledges):
/// the dialog for the optional note, one domain call, and a snackbar either way.
/// </summary>
public static class PledgeDecider
{
    /// <summary>True when the decision was saved.</summary>
    public static async Task<bool> DecideAsync(IDialogService dialogs, ISupportService supports, ISnackbar snackbar,
        string actorId, string goalId, PledgeDecisionRequest request)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(supports);
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(request);
        var parameters = new DialogParameters<DecidePledgeDialog>
        {
            { d => d.Pledge, request.Pledge },
            { d => d.Accept, request.Accept },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<DecidePledgeDialog>("Decide on your pledge", parameters, options);
        if (await dialog.Result is not { Canceled: false, Data: string note })
        {
            return false;
        }

        var result = await supports.DecideAsync(actorId, goalId, request.Pledge.Id, request.Accept, note);
        if (!result.IsSuccess)
        {
            snackbar.Add(result.Error.PersonMessage, Severity.Error);
            return false;
        }

        snackbar.Add(request.Accept ? "Pledge accepted" : "Pledge rejected", Severity.Success);
        return true;
    }
}
