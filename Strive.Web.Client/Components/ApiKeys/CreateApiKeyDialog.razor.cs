using Microsoft.AspNetCore.Components;
using MudBlazor;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;

namespace Strive.Web.Client.Components.ApiKeys;

/// <summary>
/// Asks for a name, scopes and an optional expiry, and creates the key. Closes with the
/// <see cref="CreatedApiKey"/>; the caller shows the raw key once.
/// </summary>
public partial class CreateApiKeyDialog
{
    private readonly HashSet<string> _scopes = new(StringComparer.Ordinal);
    private string? _name;
    private DateTime? _expiresOn;
    private string? _nameError;
    private string? _scopesError;
    private string? _expiryError;
    private string? _error;
    private bool _saving;
    private bool _expiryValid = true;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private IApiKeyService ApiKeys { get; set; } = default!;

    [Inject] private TimeProvider Time { get; set; } = default!;

    [Parameter, EditorRequired] public string UserId { get; set; } = "";

    private DateTime Tomorrow => Time.GetUtcNow().UtcDateTime.Date.AddDays(1);

    private void OnNameChanged(string? name)
    {
        _name = name;
        _nameError = null;
    }

    private void Toggle(string scope, bool on)
    {
        if (on)
        {
            _scopes.Add(scope);
        }
        else
        {
            _scopes.Remove(scope);
        }

        _scopesError = null;
    }

    private void ChooseReadOnly() => Choose(ApiKeyText.ReadOnlyScopes);

    private void ChooseEverything() => Choose(ApiKeyScopes.All);

    private void Choose(IEnumerable<string> scopes)
    {
        _scopes.Clear();
        _scopes.UnionWith(scopes);
        _scopesError = null;
    }

    private void Cancel() => Dialog.Cancel();

    private async Task CreateAsync()
    {
        if (!PreValidate())
        {
            return;
        }

        _saving = true;
        try
        {
            // Keep the order of ApiKeyScopes.All so the chips read the same on every key.
            var scopes = ApiKeyScopes.All.Where(_scopes.Contains).ToList();
            var result = await ApiKeys.CreateAsync(UserId, new NewApiKey(_name!.Trim(), scopes, ExpiresAt()));
            if (result.IsSuccess)
            {
                Dialog.Close(DialogResult.Ok(result.Value));
                return;
            }

            ShowNextToCause(result.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>Convenience checks so the obvious mistakes don't need a round trip; the service decides.</summary>
    private bool PreValidate()
    {
        _nameError = string.IsNullOrWhiteSpace(_name) ? ApiKeyErrors.NameRequired.PersonMessage : null;
        _scopesError = _scopes.Count == 0 ? ApiKeyErrors.ScopesRequired.PersonMessage : null;
        _expiryError = _expiresOn is { } day && day.Date < Tomorrow
            ? ApiKeyErrors.ExpiryInPast.PersonMessage
            : null;
        // The field already says why its text isn't a date; don't create a key without the expiry meant.
        if (!_expiryValid)
        {
            return false;
        }

        _error = null;
        return _nameError is null && _scopesError is null && _expiryError is null;
    }

    /// <summary>The key works through the chosen day, to its last moment in UTC.</summary>
    private DateTimeOffset? ExpiresAt() => _expiresOn is { } day
        ? new DateTimeOffset(day.Date.AddDays(1).AddTicks(-1), TimeSpan.Zero)
        : null;

    /// <summary>Marks the field the refusal names (its API name), or shows it above the form when it names none.</summary>
    private void ShowNextToCause(DomainError error)
    {
        var sentence = error.PersonMessage;
        switch (error.Field)
        {
            case "name":
                _nameError = sentence;
                break;
            case "scopes":
                _scopesError = sentence;
                break;
            case "expiresAt":
                _expiryError = sentence;
                break;
            default:
                _error = sentence;
                break;
        }
    }
}
