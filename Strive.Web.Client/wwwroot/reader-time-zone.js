// Tells the server the reader's time zone before it renders the next page: every page load writes
// the zone the browser uses into a cookie, which the prerender reads (ReaderTimeZone.Cookie). The
// interactive layout checks again after its first render, for the very first visit and for travel.
// IANA ids ("Pacific/Auckland") are valid cookie values as they are.
(function () {
    try {
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone) {
            document.cookie = `strive-tz=${zone}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
        }
    } catch {
        // No Intl: the pages show UTC.
    }
})();
