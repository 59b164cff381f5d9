using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Strive.Web.Client.Components;

namespace Strive.Web.Client.Layout;

/// <summary>
/// The shell's own state: who is signed in (read from the cascading authentication state, not through
/// AuthorizeViews, which are components the circuit would keep), the drawer, and which link is current.
/// </summary>
public partial class MainLayout
{
    private ClaimsPrincipal? _user;

    /// <summary>
    /// The person flipped the drawer from what the width gives (open from 960 px, closed below).
    /// One flag serves both widths, so the server never needs to know the width.
    /// </summary>
    private bool _drawerFlipped;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private bool SignedIn => _user?.Identity?.IsAuthenticated == true;

    private string ShellClass => _drawerFlipped ? "mud-layout strive-shell strive-drawer-flipped" : "mud-layout strive-shell";

    protected override async Task OnParametersSetAsync()
    {
        // The layout gets parameters again on every navigation and when the authentication state changes.
        _user = AuthenticationState is null ? null : (await AuthenticationState).User;
    }

    private void ToggleDrawer() => _drawerFlipped = !_drawerFlipped;

    /// <summary>A link chosen in the drawer puts it back as the width gives it: on a phone, it closes.</summary>
    private void OnNavigated() => _drawerFlipped = false;

    /// <summary>What MudNavLink renders, with the current page marked as NavLink would (prefix match).</summary>
    private RenderFragment NavItem(string href, string icon, string text, string? testId) => builder =>
    {
        var path = Navigation.ToBaseRelativePath(Navigation.Uri);
        var current = path.Equals(href, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(href + "?", StringComparison.OrdinalIgnoreCase);
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-nav-item");
        builder.OpenElement(2, "a");
        builder.AddAttribute(3, "href", href);
        builder.AddAttribute(4, "class", current ? "mud-nav-link mud-ripple active" : "mud-nav-link mud-ripple");
        builder.AddAttribute(5, "aria-current", current ? "page" : null);
        builder.AddAttribute(6, "data-testid", testId);
        builder.AddAttribute(7, "onclick", EventCallback.Factory.Create(this, OnNavigated));
        builder.AddContent(8, PlainIcon.Svg(icon, classes: "mud-icon-default mud-nav-link-icon mud-nav-link-icon-default"));
        builder.OpenElement(14, "div");
        builder.AddAttribute(15, "class", "mud-nav-link-text");
        builder.AddContent(16, text);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };
}
