using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Strive.Web.Client.Components;

/// <summary>
/// What MudIcon renders for an SVG icon (the icon's paths in a decorative 24x24 svg with MudBlazor's classes), as
/// plain markup: a page that is open for long keeps no component per icon (docs/performance.md, "Circuit memory").
/// </summary>
public static class PlainIcon
{
    // The icons are MudBlazor's constants and the sizes and classes a handful of literals, so the markup is
    // built once per combination and shared: each use is one markup frame pointing at the same string in
    // every circuit, where an svg built element by element was seven frames and a new class string.
    private const int MaxShared = 512;
    private static readonly ConcurrentDictionary<(string Icon, string Size, string? Classes), MarkupString> Shared = new();

    /// <param name="icon">The icon's paths, as MudBlazor's <c>Icons</c> give them.</param>
    /// <param name="size">MudBlazor's size name: small, medium or large.</param>
    /// <param name="classes">More classes, for the place the icon sits in (an input adornment, a nav link).</param>
    public static MarkupString Svg(string icon, string size = "medium", string? classes = null)
    {
        var key = (icon, size, classes);
        if (Shared.TryGetValue(key, out var markup))
        {
            return markup;
        }

        markup = Build(icon, size, classes);
        // Bounded, in case a caller ever passes icons that are not constants: then they are simply not shared.
        return Shared.Count < MaxShared ? Shared.GetOrAdd(key, markup) : markup;
    }

    private static MarkupString Build(string icon, string size, string? classes) => new(
        $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{size}{(classes is null ? "" : " " + classes)}\" "
        + $"focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{icon}</svg>");
}
