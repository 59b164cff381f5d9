using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.JSInterop;
using MudBlazor;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Layout;

/// <summary>The app shell: theme, Mud providers, app bar with the account menu, navigation drawer.</summary>
public partial class MainLayout : IAsyncDisposable
{

    private const string ThemeCookie = "strive-theme";
    private const string ChoiceCookie = "strive-theme-choice";
    private SharedThemeProvider? _themeProvider;
    private IJSObjectReference? _module;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ReaderTimeZone ReaderZone { get; set; } = default!;

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    /// <summary>
    /// The theme the prerender read from the cookie, carried into the circuit so the first
    /// interactive render does not flash. Only a starting value: [PersistentState] supplies it again
    /// on every parameter update (each navigation), so the live choice is kept in the fields below.
    /// </summary>
    [PersistentState]
    public bool PrerenderedDarkMode { get; set; }

    /// <summary>True once the person used the toggle: from then on the system setting no longer applies.</summary>
    [PersistentState]
    public bool PrerenderedChoiceByHand { get; set; }

    /// <summary>
    /// The reader's time zone as the prerender read it from the cookie, so the circuit's first render
    /// shows the same times as the prerendered page. Applied once, in OnInitializedAsync.
    /// </summary>
    [PersistentState]
    public string? PrerenderedTimeZone { get; set; }

    /// <summary>The languages the reader's browser asked for (Accept-Language), so typed dates read in their locale.</summary>
    [PersistentState]
    public string? PrerenderedLanguages { get; set; }

    private bool IsDarkMode { get; set; }

    private bool ThemeChosenByHand { get; set; }

    /// <summary>
    /// The Identity pages and a public goal's read-only board render statically (no circuit): there the
    /// layout leaves out what needs interactivity (drawer toggle, menus, theme switch) and offers plain
    /// links instead. A prerendered interactive page has a render mode assigned; a static one has none.
    /// </summary>
    private bool IsStaticPage => HttpContext is not null && AssignedRenderMode is null;

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is not null)
        {
            PrerenderedDarkMode = HttpContext.Request.Cookies[ThemeCookie] == "dark";
            PrerenderedChoiceByHand = HttpContext.Request.Cookies[ChoiceCookie] == "manual";
            PrerenderedTimeZone = HttpContext.Request.Cookies[ReaderTimeZone.Cookie];
            PrerenderedLanguages = HttpContext.Request.Headers.AcceptLanguage.ToString();
        }

        IsDarkMode = PrerenderedDarkMode;
        ThemeChosenByHand = PrerenderedChoiceByHand;
        await ReaderZone.UseAsync(PrerenderedTimeZone);
        await ReaderZone.UseLocaleAsync(PrerenderedLanguages);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _themeProvider is null)
        {
            return;
        }

        _module = await JS.InvokeAsync<IJSObjectReference?>("import", "./_content/Strive.Web.Client/Layout/MainLayout.razor.js");
        // Without a cookie yet (a first visit) or after travel, the browser knows better than the
        // prerender did: every date on the page renders again in the reader's zone.
        if (_module is not null)
        {
            await ReaderZone.UseAsync(await _module.InvokeAsync<string?>("readerTimeZone"));
        }
        if (!ThemeChosenByHand)
        {
            await OnSystemDarkModeChangedAsync(await _themeProvider.GetSystemDarkModeAsync());
            await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChangedAsync);
        }
    }

    private async Task OnSystemDarkModeChangedAsync(bool isDark)
    {
        // Unchanged (the usual case: the cookie already said so): no render of the whole page, whose
        // every component would otherwise keep a second render tree for as long as the board is open.
        if (ThemeChosenByHand || IsDarkMode == isDark)
        {
            return;
        }

        IsDarkMode = isDark;
        await RememberThemeAsync();
        StateHasChanged();
    }

    private async Task ToggleDarkModeAsync()
    {
        IsDarkMode = !IsDarkMode;
        ThemeChosenByHand = true;
        await RememberThemeAsync();
    }

    private async Task RememberThemeAsync()
    {
        if (_module is not null)
        {
            await _module.InvokeVoidAsync("rememberTheme", IsDarkMode, ThemeChosenByHand);
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the module.
            }
        }
    }
}
