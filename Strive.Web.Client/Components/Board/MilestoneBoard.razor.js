// The board's keyboard (docs/decisions/008: a treegrid with one tab stop): arrows move focus between
// rows and along a row's buttons at once, without a round trip to the server; keeps the browser from
// acting on the board's shortcuts (Alt+Home opens the home page in Chrome); puts focus back on a row
// after Blazor moved it; and places the shared menus beside their row.
const keys = new Set(["ArrowUp", "ArrowDown", "Home", "End"]);
const rowSelector = "[data-testid=milestone]";

function rows(board) {
    return [...board.querySelectorAll(`[data-testid=milestone-list] > ${rowSelector}`)];
}

// Roving tabindex: the row that has focus (or holds the focused button) is the board's one tab stop.
// Blazor renders the same from the row's focusin; this makes it true before the server has answered.
function makeTabStop(board, row) {
    for (const other of board.querySelectorAll(`${rowSelector}[tabindex="0"]`)) {
        if (other !== row) {
            other.tabIndex = -1;
        }
    }
    row.tabIndex = 0;
}

function onKeyDown(board, e) {
    const row = e.target.closest?.(rowSelector);
    if (!row || !board.contains(row) || row.classList.contains("sortable-drag-image")) {
        return;
    }
    const onRow = e.target === row;
    if (e.altKey) {
        if (onRow && keys.has(e.key)) {
            e.preventDefault();
        }
        return;
    }
    if (e.ctrlKey || e.metaKey || e.shiftKey) {
        return;
    }
    const all = rows(board);
    const buttons = [...row.querySelectorAll(".milestone-actions button:not(:disabled), .pledge-decision-actions button:not(:disabled)")];
    const at = buttons.indexOf(e.target);
    let target = null;
    switch (e.key) {
        case "ArrowDown":
            target = all[all.indexOf(row) + 1];
            break;
        case "ArrowUp":
            target = all[all.indexOf(row) - 1];
            break;
        case "Home":
            target = onRow ? all[0] : buttons[0];
            break;
        case "End":
            target = onRow ? all[all.length - 1] : buttons[buttons.length - 1];
            break;
        case "ArrowRight":
            target = onRow ? buttons[0] : buttons[at + 1];
            break;
        case "ArrowLeft":
            target = at > 0 ? buttons[at - 1] : row;
            break;
        case "Escape":
            target = row;
            break;
        default:
            return;
    }
    // On the row itself Left and Escape are not ours: leave them to whoever listens (a dialog opening).
    if (onRow && (e.key === "ArrowLeft" || e.key === "Escape")) {
        return;
    }
    // At an edge the key does nothing, rather than scrolling the page under a focused row.
    e.preventDefault();
    target?.focus();
}

export function attach(board, dotnet) {
    board.addEventListener("keydown", e => onKeyDown(board, e));
    board.addEventListener("focusin", e => {
        const row = e.target.closest?.(rowSelector);
        if (row && board.contains(row)) {
            makeTabStop(board, row);
        }
    });
    // Escape closes an open board menu even before focus has moved into it.
    const onEscape = e => {
        if (e.key === "Escape" && document.querySelector(".board-shared-menu-popover.mud-popover-open")) {
            dotnet.invokeMethodAsync("CloseMenus");
        }
    };
    // Ctrl+Z (Cmd+Z) undoes the board's latest change, unless the key is a text field's own undo or a dialog's.
    const onUndo = e => {
        const editing = e.target.closest?.("input, textarea, [contenteditable=true], .mud-dialog");
        if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "z" && !editing) {
            e.preventDefault();
            dotnet.invokeMethodAsync("UndoLatest");
        }
    };
    document.addEventListener("keydown", onEscape);
    document.addEventListener("keydown", onUndo);
    return {
        detach: () => {
            document.removeEventListener("keydown", onEscape);
            document.removeEventListener("keydown", onUndo);
        },
    };
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
