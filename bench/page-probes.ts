/**
 * Installed in the page before any of its scripts: records long tasks, the latency from the
 * simulator's send time (`data-heartbeat`, epoch ms, on each worker's element) to the DOM
 * showing it, and when the first live number appears. Runs in the browser, so it is plain
 * JavaScript in a string.
 */
export const PAGE_PROBES = `
(() => {
  const bench = (window.__bench = { longTasks: [], latencies: [], firstLiveNumberAt: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  // A recycled row (virtual scrolling) shows another worker's older heartbeat: only count a
  // change on an element that still shows the same worker.
  const workerOf = new WeakMap();
  const watch = () => {
    new MutationObserver((records) => {
      const now = performance.timeOrigin + performance.now();
      for (const record of records) {
        const element = record.target;
        const workerId = element.getAttribute('data-worker-id');
        const sentAt = Number(element.getAttribute('data-heartbeat'));
        if (workerId && sentAt && workerOf.get(element) === workerId) bench.latencies.push(now - sentAt);
        workerOf.set(element, workerId);
      }
    }).observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['data-heartbeat'] });
    // Watches the whole document only until the first live number shows, so it costs nothing after.
    const firstNumber = new MutationObserver(() => {
      const figure = document.querySelector('[data-testid="workers-total"]');
      if (figure && /\\d/.test(figure.textContent || '')) {
        bench.firstLiveNumberAt = performance.now();
        firstNumber.disconnect();
      }
    });
    firstNumber.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  };
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();
`;

/**
 * Scrolls the page's main list by rAF for `durationMs` and resolves to the frame rate. A string
 * (like the probes) because a compiled function would carry the loader's helpers into the page.
 */
export const SCROLL_AND_COUNT_FRAMES = `
(durationMs) => new Promise((resolve) => {
  const target =
    document.querySelector('[data-bench-scroll]') ??
    document.querySelector('cdk-virtual-scroll-viewport') ??
    document.querySelector('main');
  if (!target || target.scrollHeight <= target.clientHeight) {
    resolve({ fps: 0, scrolled: false });
    return;
  }
  let frames = 0;
  let direction = 1;
  const start = performance.now();
  const step = (now) => {
    frames += 1;
    target.scrollTop += direction * 60;
    if (target.scrollTop + target.clientHeight >= target.scrollHeight - 1 || target.scrollTop <= 0) direction = -direction;
    if (now - start < durationMs) requestAnimationFrame(step);
    else resolve({ fps: (frames * 1000) / (now - start), scrolled: true });
  };
  requestAnimationFrame(step);
})
`;
