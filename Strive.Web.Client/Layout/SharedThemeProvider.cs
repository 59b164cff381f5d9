using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.RenderTree;
using MudBlazor;

namespace Strive.Web.Client.Layout;

/// <summary>
/// MudBlazor's theme provider, rendering the same style sheets, with each sheet's text shared by every circuit.
/// MudThemeProvider builds its theme as a new string of about 25 KB on every render, and every open page kept
/// its own copy in its render tree for as long as it was open; there are only two themes (light and dark), so
/// the strings are looked up by content and the one copy kept (docs/performance.md, "Circuit memory").
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    // Light and dark, with or without the scrollbar sheet and the chart sheet: a handful. The bound only
    // guards against a theme that changes on every render, whose sheets are then simply not shared.
    private const int MaxShared = 16;
    private static readonly ConcurrentDictionary<string, string> Shared = new(StringComparer.Ordinal);

#pragma warning disable BL0006 // Reading the frames MudThemeProvider built: markup only, copied as they are.
    protected override void BuildRenderTree(RenderTreeBuilder __builder)
    {
        using var own = new RenderTreeBuilder();
        base.BuildRenderTree(own);
        var frames = own.GetFrames();
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames.Array[i];
            if (frame.FrameType != RenderTreeFrameType.Markup)
            {
                // A MudBlazor upgrade that renders more than style sheets must be looked at, not half copied.
                throw new InvalidOperationException(
                    $"MudThemeProvider rendered a {frame.FrameType} frame; SharedThemeProvider copies style sheets (markup) only.");
            }

            // MudThemeProvider's own sequence numbers (literals in its markup), so the diff pairs the same sheets.
#pragma warning disable ASP0006
            __builder.AddMarkupContent(frame.Sequence, Share(frame.MarkupContent));
#pragma warning restore ASP0006
        }
    }
#pragma warning restore BL0006

    private static string Share(string markup) =>
        Shared.TryGetValue(markup, out var shared) ? shared
        : Shared.Count < MaxShared ? Shared.GetOrAdd(markup, markup)
        : markup;
}
