/**
 * Helpers for bench pages: timing, frames, heap, DOM counts, and reporting the result.
 */
export const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

/** Resolves after two frames: the time a change takes to be painted. */
export async function painted(): Promise<void> {
  await frame();
  await frame();
}

/** Percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Elements in a subtree, shadow roots included. */
export function countNodes(root: Node): number {
  let n = 0;
  const walk = (node: Node) => {
    if (node.nodeType === Node.ELEMENT_NODE) {
      n++;
      const sr = (node as Element).shadowRoot;
      if (sr) walk(sr);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return n;
}

/** JS heap in MB (Chromium only; 0 elsewhere). */
export function heapMB(): number {
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? round(memory.usedJSHeapSize / 1048576, 1) : 0;
}

/** Scrolls `scroller` through `steps` frames and returns the p95 frame time in ms. */
export async function scrollP95(scroller: HTMLElement, steps = 120, delta = 240): Promise<number> {
  const times: number[] = [];
  let last = await frame();
  for (let i = 0; i < steps; i++) {
    scroller.scrollTop += i < steps / 2 ? delta : -delta;
    const now = await frame();
    times.push(now - last);
    last = now;
  }
  return round(percentile(times, 95));
}

export function report(result: object): void {
  (window as unknown as { __benchResult: object }).__benchResult = result;
}

export function fail(error: unknown): void {
  (window as unknown as { __benchError: string }).__benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
}

export const params = new URLSearchParams(location.search);
