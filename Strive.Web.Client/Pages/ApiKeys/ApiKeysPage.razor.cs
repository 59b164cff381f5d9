using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Strive.Domain.ApiKeys;
using Strive.Web.Client.Components.ApiKeys;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Pages.ApiKeys;

/// <summary>
/// The signed-in user's API keys (issue 5): list, create (the raw key shown once), revoke.
/// Every rule lives in <see cref="IApiKeyService"/>; this page only shows its answers.
/// </summary>
public partial class ApiKeysPage
{
    private IReadOnlyList<ApiKeyView>? _keys;

    // Revoked keys stay listed: when each stopped working, and when it was last used before that.
    private IReadOnlyList<ApiKeyView> _revoked = [];
    private string _userId = "";

    // One dialog at a time: a double click must not open two.
    private bool _dialogOpen;

    // The one place the raw key lives, until the user hides the panel.
    private CreatedApiKey? _created;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private IApiKeyService ApiKeys { get; set; } = default!;

    [Inject] private IDialogService Dialogs { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter] private ReaderClock Clock { get; set; } = default!;

    private DateTimeOffset Now => Clock.Now;

    private string BaseUri => Navigation.BaseUri;

    private bool AtLimit => _keys?.Count >= IApiKeyService.MaxActiveKeys;

    private string LimitText
    {
        get
        {
            var count = _keys?.Count ?? 0;
            var max = IApiKeyService.MaxActiveKeys;
            if (count >= max)
            {
                return $"You have {count} active keys, the most allowed. Revoke one you no longer use to create another.";
            }

            var left = max - count;
            return $"You can have up to {max} active keys at once; {left} more {(left == 1 ? "is" : "are")} available. "
                + "Revoked and expired keys don't count.";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        var state = await AuthenticationState;
        _userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _keys = await ApiKeys.ListAsync(_userId);
        _revoked = await ApiKeys.ListRevokedAsync(_userId);
    }

    private async Task OpenCreateDialogAsync()
    {
        if (_dialogOpen)
        {
            return;
        }

        _dialogOpen = true;
        try
        {
            await CreateThroughDialogAsync();
        }
        finally
        {
            _dialogOpen = false;
        }
    }

    private async Task CreateThroughDialogAsync()
    {
        var parameters = new DialogParameters<CreateApiKeyDialog> { { d => d.UserId, _userId } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true };
        var dialog = await Dialogs.ShowAsync<CreateApiKeyDialog>("Create API key", parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: CreatedApiKey created })
        {
            _created = created;
            await LoadAsync();
        }
    }

    private void HideCreatedKey() => _created = null;

    private async Task OpenRevokeDialogAsync(ApiKeyView key)
    {
        if (_dialogOpen)
        {
            return;
        }

        _dialogOpen = true;
        try
        {
            await RevokeThroughDialogAsync(key);
        }
        finally
        {
            _dialogOpen = false;
        }
    }

    private async Task RevokeThroughDialogAsync(ApiKeyView key)
    {
        var parameters = new DialogParameters<RevokeApiKeyDialog>
        {
            { d => d.UserId, _userId },
            { d => d.Key, key },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<RevokeApiKeyDialog>("Revoke API key", parameters, options);
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            if (_created?.Key.Id == key.Id)
            {
                _created = null;
            }

            Snackbar.Add($"Revoked “{key.Name}”. It no longer works.", Severity.Success);
        }

        // Even when refused (revoked meanwhile elsewhere), the list should show what is true now.
        await LoadAsync();
    }
}
