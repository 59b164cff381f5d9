using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
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

    /// <summary>The sprite; render it once, before the rows.</summary>
    public static RenderFragment SpriteSheet { get; } = builder => builder.AddContent(0, Sprite);

    public static RenderFragment Use(string name) => builder => Build(builder, name);

    private static void Build(RenderTreeBuilder builder, string name)
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", "board-icon");
        builder.AddAttribute(2, "aria-hidden", "true");
        builder.AddAttribute(3, "focusable", "false");
        builder.OpenElement(4, "use");
        builder.AddAttribute(5, "href", "#board-icon-" + name);
        builder.CloseElement();
        builder.CloseElement();
    }
}
