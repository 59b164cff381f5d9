// Keeps the browser from acting on the board's shortcuts (Alt+Home opens the home page in Chrome),
// puts focus back on a row after Blazor moved it, and places the shared menus beside their row.
const keys = new Set(["ArrowUp", "ArrowDown", "Home", "End"]);

export function attach(board, dotnet) {
    board.addEventListener("keydown", e => {
        if (e.altKey && keys.has(e.key) && e.target.matches("[data-testid=milestone]")) {
            e.preventDefault();
        }
    });
    // Escape closes an open board menu even before focus has moved into it.
    const onEscape = e => {
        if (e.key === "Escape" && document.querySelector(".board-shared-menu-popover.mud-popover-open")) {
            dotnet.invokeMethodAsync("CloseMenus");
        }
    };
    document.addEventListener("keydown", onEscape);
    return { detach: () => document.removeEventListener("keydown", onEscape) };
}

function row(board, id) {
    return board.querySelector(`[data-milestone-id="${CSS.escape(id)}"]`);
}

export function focusRow(board, id) {
    // Only when the move took focus away (a moved element loses it), never from something the user chose.
    if (document.activeElement && document.activeElement !== document.body) {
        return;
    }
    row(board, id)?.focus();
}

// The bottom-left corner of a row's control, where its menu opens: viewport, then page coordinates.
export function anchorOf(board, id, testId) {
    const control = row(board, id)?.querySelector(`[data-testid="${testId}"]`);
    if (!control) {
        return null;
    }
    const box = control.getBoundingClientRect();
    return [box.left, box.bottom, box.left + window.scrollX, box.bottom + window.scrollY];
}

export function focusControl(board, id, testId) {
    // Not when the menu's choice put focus somewhere on purpose (a dialog, a moved row).
    const active = document.activeElement;
    if (active && active !== document.body && !active.closest(".mud-popover")) {
        return;
    }
    row(board, id)?.querySelector(`[data-testid="${testId}"]`)?.focus();
}

// Moves focus into the menu that just opened, as a menu button does, so arrows and Escape work there.
// The popover arrives in a later render; on a busy server that can take a while, so wait for it by time
// (up to 3 s), not by a count of frames.
export function focusOpenMenu() {
    const until = performance.now() + 3000;
    const attempt = () => {
        const item = document.querySelector(".board-shared-menu-popover.mud-popover-open [role=menuitem]:not([aria-disabled=true])");
        if (item) {
            item.focus();
        } else if (performance.now() < until) {
            requestAnimationFrame(attempt);
        }
    };
    requestAnimationFrame(attempt);
}
