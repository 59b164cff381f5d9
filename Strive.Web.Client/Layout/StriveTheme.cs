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
                // Every colour that shows text (a chip, a red "Revoke", an error) keeps 4.5:1 on white and on
                // the page background (WCAG AA, checked by axe in tests/Strive.E2E/Accessibility).
                Primary = "#4f46e5",
                Secondary = "#0f766e",
                Tertiary = "#f59e0b",
                Info = "#1d4ed8",
                Success = "#15803d",
                Warning = "#b45309",
                Error = "#b91c1c",
                AppbarBackground = "#ffffff",
                AppbarText = "#1f2937",
                Background = "#f6f7fb",
                Surface = "#ffffff",
                DrawerBackground = "#ffffff",
                DrawerText = "#374151",
                DrawerIcon = "#6b7280",
                TextPrimary = "#1f2937",
                // #6b7280 fell to 4.47:1 on an overdue row's tinted background.
                TextSecondary = "#5f6673",
                LinesDefault = "#e5e7eb",
            },
            PaletteDark = new PaletteDark
            {
                // Light colours that read well on the dark surfaces; filled buttons in them carry dark text
                // (white on #818cf8 is 2.98:1, the dark background on it 6.35:1). A hovered button takes the
                // "darken" shade, which MudBlazor derives by darkening, towards less contrast under dark text:
                // here it is one step lighter instead, so a hovered button reads at least as well as a resting one.
                Primary = "#818cf8",
                PrimaryDarken = "#a5b4fc",
                PrimaryContrastText = "#0b1020",
                Secondary = "#2dd4bf",
                SecondaryDarken = "#5eead4",
                SecondaryContrastText = "#0b1020",
                Tertiary = "#fbbf24",
                TertiaryDarken = "#fcd34d",
                TertiaryContrastText = "#0b1020",
                Info = "#60a5fa",
                InfoDarken = "#93c5fd",
                InfoContrastText = "#0b1020",
                Success = "#4ade80",
                SuccessDarken = "#86efac",
                SuccessContrastText = "#0b1020",
                Warning = "#fbbf24",
                WarningDarken = "#fcd34d",
                WarningContrastText = "#0b1020",
                Error = "#f87171",
                ErrorDarken = "#fca5a5",
                ErrorContrastText = "#0b1020",
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
