// Remembers the theme in cookies so statically rendered pages (sign-in, register) and the
// prerendered first paint use the same theme as the interactive app.
const year = 60 * 60 * 24 * 365;

// The account menu is the browser's popover (AccountMenu.razor). Its links navigate inside the app, which
// keeps the layout and so the open popover: close it as one is followed.
document.addEventListener("click", e => {
    const link = e.target instanceof Element ? e.target.closest(".strive-account-popover a") : null;
    link?.closest("[popover]")?.hidePopover();
});

export function rememberTheme(isDark, chosenByHand) {
    document.cookie = `strive-theme=${isDark ? "dark" : "light"}; path=/; max-age=${year}; samesite=lax`;
    if (chosenByHand) {
        document.cookie = `strive-theme-choice=manual; path=/; max-age=${year}; samesite=lax`;
    }
}

// The reader's IANA time zone, remembered for the next prerender (see wwwroot/reader-time-zone.js).
export function readerTimeZone() {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    document.cookie = `strive-tz=${zone}; path=/; max-age=${year}; samesite=lax`;
    return zone;
}
