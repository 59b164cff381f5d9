// A sortable list for Blazor, on SortableJS (vendored under wwwroot/lib/sortablejs, MIT).
//
// SortableJS moves DOM nodes while a person drags, but the DOM belongs to Blazor. So on drop this
// module puts the node back where Blazor left it and reports (key, to) to .NET, which re-renders the
// list in the new order. Until that render arrives the list shows the new order through the CSS
// `order` property (the list is a flex column), so the row never flashes back to where it came from.
import "../../lib/sortablejs/Sortable.min.js";

const Sortable = globalThis.Sortable;

// How close to the top or bottom of the viewport (px) the pointer starts scrolling the page, and the
// fastest scroll per frame. SortableJS's own auto-scroll does not run while a touch is held still near
// the edge (SortableJS issue #2079), so one loop here serves mouse and touch alike.
const EDGE = 72;
const MAX_STEP = 18;

export function create(list, dotnet, options) {
    let restoreBefore = null;
    let pointerY = null;
    let frame = 0;

    const trackPointer = e => {
        const point = e.touches ? e.touches[0] : e;
        if (point) {
            pointerY = point.clientY;
        }
    };

    const scrollStep = () => {
        frame = requestAnimationFrame(scrollStep);
        if (pointerY === null) {
            return;
        }
        const height = window.innerHeight;
        const step = pointerY < EDGE ? -Math.ceil(MAX_STEP * (EDGE - pointerY) / EDGE)
            : pointerY > height - EDGE ? Math.ceil(MAX_STEP * (pointerY - (height - EDGE)) / EDGE)
            : 0;
        if (step !== 0) {
            // The row under a still pointer changes as the page scrolls; SortableJS re-checks it every 50 ms.
            window.scrollBy(0, step);
        }
    };

    const stopScrolling = () => {
        cancelAnimationFrame(frame);
        frame = 0;
        pointerY = null;
        document.removeEventListener("pointermove", trackPointer);
        document.removeEventListener("touchmove", trackPointer);
    };

    const sortable = Sortable.create(list, {
        draggable: options.draggable,
        handle: options.handle,
        disabled: options.disabled,
        // Pointer events rather than native drag and drop: the same code path for mouse and touch, and
        // a drag image that is a real element drawn above every row.
        forceFallback: true,
        fallbackOnBody: true,
        fallbackTolerance: 3,
        animation: 150,
        // The dragged row takes the place of whichever row the pointer is over, in either direction.
        // SortableJS samples the pointer every 50 ms while dragging; a narrower swap zone (say the
        // middle half of a row) is skipped by a quick hand, and the placeholder then lags a row behind.
        swapThreshold: 1,
        scroll: false,
        ghostClass: "sortable-placeholder",
        chosenClass: "sortable-chosen",
        fallbackClass: "sortable-drag-image",
        onStart(evt) {
            restoreBefore = evt.item.nextSibling;
            // Blazor must not rearrange the list under a drag; it holds renders until the drop.
            dotnet.invokeMethodAsync("OnDragStarted");
            document.body.classList.add("sortable-dragging");
            document.addEventListener("pointermove", trackPointer, { passive: true });
            document.addEventListener("touchmove", trackPointer, { passive: true });
            frame = requestAnimationFrame(scrollStep);
        },
        onEnd(evt) {
            stopScrolling();
            document.body.classList.remove("sortable-dragging");
            finishAnimations(list);
            const item = evt.item;
            const from = evt.oldDraggableIndex;
            const to = evt.newDraggableIndex;
            if (from !== to) {
                // Show the new order without owning the DOM, then hand the DOM back to Blazor as it was.
                items(list, options.draggable).forEach((el, i) => el.style.order = String(i));
                list.insertBefore(item, restoreBefore && restoreBefore.parentNode === list ? restoreBefore : null);
            }
            dotnet.invokeMethodAsync("OnDropped", item.getAttribute(options.keyAttribute), from, to)
                .catch(() => settle());
        },
    });

    // Blazor has rendered the order it believes in (the new one, or the old one after a refusal).
    const settle = () => items(list, options.draggable).forEach(el => el.style.removeProperty("order"));

    return {
        settle,
        setDisabled: disabled => sortable.option("disabled", disabled),
        dispose: () => {
            stopScrolling();
            sortable.destroy();
        },
    };
}

// Rows still sliding when the drop comes would refuse to be grabbed until their slide ends (SortableJS
// ignores a press on an animating row) and would slide from positions the DOM no longer has once it is
// handed back to Blazor: stop them where they are meant to be.
function finishAnimations(list) {
    for (const el of list.children) {
        if (typeof el.animated === "number") {
            clearTimeout(el.animated);
        }
        el.animated = false;
        el.animatingX = false;
        el.animatingY = false;
        el.style.removeProperty("transition");
        el.style.removeProperty("transform");
    }
}

function items(list, selector) {
    return Array.from(list.children).filter(el => el.matches(selector));
}
