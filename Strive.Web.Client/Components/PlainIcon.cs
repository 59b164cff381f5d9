using Microsoft.AspNetCore.Components;

namespace Strive.Web.Client.Components;

/// <summary>
/// What MudIcon renders for an SVG icon (the icon's paths in a decorative 24x24 svg with MudBlazor's classes), as
/// plain markup: a page that is open for long keeps no component per icon (docs/performance.md, "Circuit memory").
/// </summary>
public static class PlainIcon
{
    /// <param name="icon">The icon's paths, as MudBlazor's <c>Icons</c> give them.</param>
    /// <param name="size">MudBlazor's size name: small, medium or large.</param>
    /// <param name="classes">More classes, for the place the icon sits in (an input adornment, a nav link).</param>
    public static RenderFragment Svg(string icon, string size = "medium", string? classes = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes is null
            ? $"mud-icon-root mud-svg-icon mud-icon-size-{size}"
            : $"mud-icon-root mud-svg-icon mud-icon-size-{size} {classes}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };
}
