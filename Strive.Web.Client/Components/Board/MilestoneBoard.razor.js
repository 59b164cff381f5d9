// Keeps the browser from acting on the board's shortcuts (Alt+Home opens the home page in Chrome)
// and puts focus back on a row after Blazor moved it, so several moves in a row work from the keyboard.
const keys = new Set(["ArrowUp", "ArrowDown", "Home", "End"]);

export function attach(board) {
    board.addEventListener("keydown", e => {
        if (e.altKey && keys.has(e.key) && e.target.matches("[data-testid=milestone]")) {
            e.preventDefault();
        }
    });
}

export function focusRow(board, id) {
    // Only when the move took focus away (a moved element loses it), never from something the user chose.
    if (document.activeElement && document.activeElement !== document.body) {
        return;
    }
    const row = board.querySelector(`[data-milestone-id="${CSS.escape(id)}"]`);
    if (row) {
        row.focus();
    }
}
