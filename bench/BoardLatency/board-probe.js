// Timing probes that run inside the page, so Playwright's round trips never count. Installed with
// addInitScript, it starts at document start: performance.now() there is measured from navigation start.
// Only the data-testid contract of the board is used, so the probes survive a rewrite of the board.
(() => {
  if (window.__striveBench) {
    return;
  }

  const rowSelector = "[data-testid=milestone]";
  const interactiveSelector = "[data-testid=milestone-board][data-interactive=true]";
  const rows = () => document.querySelectorAll(rowSelector);
  const rowById = id => document.querySelector(`${rowSelector}[data-milestone-id="${CSS.escape(id)}"]`);
  const readers = {
    index: id => [...rows()].findIndex(r => r.dataset.milestoneId === id),
    status: id => rowById(id)?.dataset.status ?? null,
  };
  const isVisible = el => el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    && el.getBoundingClientRect().height > 0;
  const delay = ms => new Promise(resolve => setTimeout(resolve, ms));

  // Where the time to interactive goes: the circuit's WebSocket (Blazor's SignalR connection) is watched
  // from its creation, and every message it receives before the board turns interactive is counted; the
  // last of them carries the render batch that makes the board interactive.
  const socket = { open: null, lastMessage: null, messages: 0, bytes: 0 };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      if (!String(args[0]).includes("/_blazor")) {
        return;
      }
      this.addEventListener("open", () => { socket.open ??= performance.now(); });
      this.addEventListener("message", e => {
        if (load.interactive !== null) {
          return;
        }
        socket.lastMessage = performance.now();
        socket.messages++;
        socket.bytes += typeof e.data === "string" ? e.data.length : (e.data.byteLength ?? e.data.size ?? 0);
      });
    }
  };
  const phases = () => {
    const navigation = performance.getEntriesByType("navigation")[0];
    const script = performance.getEntriesByType("resource").find(r => r.name.includes("/_framework/blazor.web.") /* fingerprinted: blazor.web.<hash>.js */);
    return {
      htmlReceived: navigation?.responseEnd ?? null,
      domContentLoaded: navigation?.domContentLoadedEventEnd || null,
      scriptLoaded: script?.responseEnd ?? null,
      socketOpen: socket.open,
      lastMessage: socket.lastMessage,
      messages: socket.messages,
      socketBytes: socket.bytes,
    };
  };

  // Load: a MutationObserver sees the first row enter the DOM (the prerendered HTML, as it is parsed);
  // it counts as visible in the first animation frame that lays it out with a size. Frames only run
  // once render-blocking CSS has arrived, so that is the frame that paints it.
  const load = { firstRowInDom: null, firstRowVisible: null, interactive: null };
  const pollFirstRowVisible = () => requestAnimationFrame(() => {
    const row = document.querySelector(rowSelector);
    if (row && isVisible(row)) {
      load.firstRowVisible = performance.now();
    } else {
      pollFirstRowVisible();
    }
  });
  const checkLoad = observer => {
    const now = performance.now();
    if (load.firstRowInDom === null && document.querySelector(rowSelector)) {
      load.firstRowInDom = now;
      pollFirstRowVisible();
    }
    if (load.interactive === null && document.querySelector(interactiveSelector)) {
      load.interactive = now;
    }
    if (load.firstRowInDom !== null && load.interactive !== null) {
      observer.disconnect();
    }
  };
  const loadObserver = new MutationObserver((_, observer) => checkLoad(observer));
  loadObserver.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-interactive"] });

  async function loaded(timeoutMs) {
    const until = performance.now() + timeoutMs;
    while (performance.now() < until && (load.firstRowVisible === null || load.interactive === null)) {
      await delay(20);
    }
    return { ...load, ...phases(), elements: document.getElementsByTagName("*").length };
  }

  // Actions: arm() before the action, result() after it. The clock starts at the first trigger event
  // (a capture listener on window, so it runs before the page's own handlers) and stops when the
  // watched value of the row (its index among rows, or its data-status) first differs from before.
  let armed = null;

  function arm(spec) {
    disarm();
    const read = () => readers[spec.watch](spec.id);
    const state = { before: read(), start: null, last: null, shown: null, settled: null, spec };
    state.onTrigger = e => {
      if (state.start !== null || (spec.key && e.key !== spec.key)) {
        return;
      }
      state.start = performance.now();
      state.last = read();
      if (state.last !== state.before) {
        // Moved during the gesture already (a live-sorting drag library): shown at release.
        state.shown = state.settled = 0;
      }
    };
    state.observer = new MutationObserver(() => {
      if (state.start === null) {
        return;
      }
      const value = read();
      if (value !== state.last) {
        const elapsed = performance.now() - state.start;
        state.last = value;
        state.settled = elapsed;
        if (state.shown === null && value !== state.before) {
          state.shown = elapsed;
        }
      }
    });
    state.observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-status"] });
    for (const type of spec.triggers) {
      window.addEventListener(type, state.onTrigger, { capture: true });
    }
    armed = state;
    return state.before;
  }

  function disarm() {
    if (!armed) {
      return;
    }
    armed.observer.disconnect();
    for (const type of armed.spec.triggers) {
      window.removeEventListener(type, armed.onTrigger, { capture: true });
    }
    armed = null;
  }

  // Waits for the change (up to timeoutMs), then for the row to stop changing (quietMs without a
  // change of the watched value), so "settled" catches a library that moves the row and then has
  // the server re-render it. With no change in time, it still looks once the page is quiet ("late").
  async function result(timeoutMs, quietMs) {
    const state = armed;
    const until = performance.now() + timeoutMs;
    while (performance.now() < until && state.shown === null) {
      await delay(10);
    }
    let seen = state.settled;
    while (state.shown !== null && performance.now() < until) {
      await delay(quietMs);
      if (state.settled === seen) {
        break;
      }
      seen = state.settled;
    }
    disarm();
    // A change that comes after the timeout is too slow to count, but it is not the same as no change.
    let late = false;
    if (state.shown === null && state.start !== null) {
      await quiet(quietMs, 5000);
      late = readers[state.spec.watch](state.spec.id) !== state.before;
    }
    return { triggered: state.start !== null, shown: state.shown, settled: state.settled, late, before: state.before, after: state.last };
  }

  // Resolves once the DOM has had no mutation for quietMs (true) or maxMs passed (false).
  function quiet(quietMs, maxMs) {
    return new Promise(resolve => {
      const started = performance.now();
      let lastChange = started;
      const observer = new MutationObserver(() => { lastChange = performance.now(); });
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      const tick = () => {
        const now = performance.now();
        if (now - lastChange >= quietMs || now - started >= maxMs) {
          observer.disconnect();
          resolve(now - lastChange >= quietMs);
        } else {
          setTimeout(tick, 25);
        }
      };
      tick();
    });
  }

  window.__striveBench = { load, loaded, arm, result, quiet, index: readers.index, status: readers.status };
})();
