using MudBlazor;

namespace Strive.Web.Client.Layout;

/// <summary>The Strive palette and type. A system font stack: the app must look right offline.</summary>
public static class StriveTheme
{
    private static readonly string[] SystemFonts =
    [
        "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "Noto Sans",
        "sans-serif",
    ];

    public static MudTheme Theme { get; } = Create();

    private static MudTheme Create()
    {
        var theme = new MudTheme
        {
            PaletteLight = new PaletteLight
            {
                Primary = "#4f46e5",
                Secondary = "#0d9488",
                Tertiary = "#f59e0b",
                Warning = "#b45309",
                AppbarBackground = "#ffffff",
                AppbarText = "#1f2937",
                Background = "#f6f7fb",
                Surface = "#ffffff",
                DrawerBackground = "#ffffff",
                DrawerText = "#374151",
                DrawerIcon = "#6b7280",
                TextPrimary = "#1f2937",
                TextSecondary = "#6b7280",
                LinesDefault = "#e5e7eb",
            },
            PaletteDark = new PaletteDark
            {
                Primary = "#818cf8",
                Secondary = "#2dd4bf",
                Tertiary = "#fbbf24",
                AppbarBackground = "#111827",
                AppbarText = "#e5e7eb",
                Background = "#0b1020",
                Surface = "#151b2e",
                DrawerBackground = "#111827",
                DrawerText = "#d1d5db",
                DrawerIcon = "#9ca3af",
                TextPrimary = "#e5e7eb",
                TextSecondary = "#9ca3af",
                LinesDefault = "#273049",
            },
            LayoutProperties = new LayoutProperties { DefaultBorderRadius = "10px" },
        };

        var typography = theme.Typography;
        BaseTypography[] all =
        [
            typography.Default, typography.H1, typography.H2, typography.H3, typography.H4, typography.H5,
            typography.H6, typography.Subtitle1, typography.Subtitle2, typography.Body1, typography.Body2,
            typography.Button, typography.Caption, typography.Overline,
        ];
        foreach (var style in all)
        {
            style.FontFamily = SystemFonts;
        }

        typography.H3.FontWeight = "800";
        typography.H4.FontWeight = "700";
        typography.H5.FontWeight = "700";
        typography.H6.FontWeight = "600";
        typography.Button.TextTransform = "none";
        typography.Button.FontWeight = "600";
        return theme;
    }
}
