using System.Collections.Frozen;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// The board's icons as one inline SVG sprite, rendered once per board, that rows point at with
/// <c>&lt;use&gt;</c>. A MudIcon repeats its whole path in every row; at 200 rows and six icons a row that
/// was most of the page's weight.
/// </summary>
public static class BoardIcons
{
    private static readonly (string Name, string Svg)[] Symbols =
    [
        ("drag", Icons.Material.Filled.DragIndicator),
        ("pending", Icons.Material.Outlined.RadioButtonUnchecked),
        ("succeeded", Icons.Material.Filled.CheckCircle),
        ("failed", Icons.Material.Filled.Cancel),
        ("more", Icons.Material.Filled.MoreVert),
        ("event", Icons.Material.Outlined.Event),
        ("alarm", Icons.Material.Filled.Alarm),
        ("checklist", Icons.Material.Outlined.Checklist),
        ("support", Icons.Material.Outlined.VolunteerActivism),
        ("hourglass", Icons.Material.Outlined.HourglassTop),
        ("check", Icons.Material.Outlined.TaskAlt),
    ];

    private static readonly MarkupString Sprite = new(
        "<svg class=\"board-icon-sprite\" aria-hidden=\"true\" focusable=\"false\">"
        + string.Concat(Symbols.Select(s => $"<symbol id=\"board-icon-{s.Name}\" viewBox=\"0 0 24 24\">{s.Svg}</symbol>"))
        + "</svg>");

    // One shared string per icon: a row holds one markup frame per icon, pointing at the same string in
    // every row and every circuit, where an svg built element by element was seven frames a row kept.
    private static readonly FrozenDictionary<string, MarkupString> Uses = Symbols.ToFrozenDictionary(
        s => s.Name,
        s => new MarkupString($"<svg class=\"board-icon\" aria-hidden=\"true\" focusable=\"false\"><use href=\"#board-icon-{s.Name}\"></use></svg>"));

    /// <summary>The sprite; render it once, before the rows.</summary>
    public static MarkupString SpriteSheet => Sprite;

    /// <summary>A use of one of the sprite's icons, by its name in <see cref="Symbols"/>.</summary>
    public static MarkupString Use(string name) => Uses[name];
}
