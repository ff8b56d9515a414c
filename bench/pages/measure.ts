/**
 * Helpers for bench pages: timing, frames, heap, DOM counts, and reporting the result.
 */
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import type { TimProvider } from '../../src/index.js';

/** A returning user's core on a database filled earlier: fresh (nothing cached), logged in as alice. */
export async function reopenAsAlice(dbName: string): Promise<LocalCore> {
  const core = await createLocalCore({ dbName, seed: 'empty', multiInstance: 'allow' });
  await core.login({ userID: 'alice' });
  return core;
}

/** A `<tim-provider>` on `core` (English, 800 px high, `width` px wide) appended to the page. */
export async function mountProvider(core: LocalCore, width: number): Promise<TimProvider> {
  const provider = document.createElement('tim-provider') as TimProvider;
  provider.setAttribute('locale', 'en');
  provider.style.cssText = `display:block;height:800px;width:${width}px`;
  document.body.append(provider);
  provider.core = core;
  await provider.updateComplete;
  return provider;
}

export const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

/**
 * Waits until `check` returns a truthy value, checking once a frame (or after each `wait`: the composer page
 * polls every millisecond, to time an echo finer than a frame), or throws after `timeoutMs`.
 */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeoutMs: number, wait: () => Promise<unknown> = frame): Promise<T> {
  const start = performance.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await wait();
  }
}

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
