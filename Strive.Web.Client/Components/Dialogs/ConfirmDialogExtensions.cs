using MudBlazor;

namespace Strive.Web.Client.Components.Dialogs;

public static class ConfirmDialogExtensions
{
    /// <summary>
    /// Asks before a destructive action (delete, revoke, remove); true only when the person confirmed.
    /// Unlike MudBlazor's message box, which focuses its last button, focus starts on Cancel.
    /// </summary>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string message, string confirmText)
    {
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Message, message },
            { d => d.ConfirmText, confirmText },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters, options);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: true };
    }
}
