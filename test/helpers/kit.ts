/**
 * Element tests run the real thing: a <tim-provider> around the element under test, on a LocalCore with a
 * fresh database (the demo seed unless asked otherwise), logged in as a seeded user.
 */
import './readable-failures.js';
import { fixture, html as testHtml, nextFrame } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { render } from 'lit';
import '../../src/index.js';
import { createLocalCore, type LocalCore } from '../../src/core/local/index.js';
import type { ChatStore, TimErrorDetail, TimProvider } from '../../src/index.js';
import type { FaultSettings } from '../../src/core/index.js';

export interface KitOptions {
  /** Logged-in user (default alice); '' stays logged out. */
  user?: string;
  seed?: 'demo' | 'empty';
  faults?: Partial<FaultSettings>;
  locale?: string;
  /** Reuse a database (another instance of the same "server"). */
  dbName?: string;
}

export interface Kit<E extends Element = Element> {
  core: LocalCore;
  provider: TimProvider;
  store: ChatStore;
  /** The element under test (the provider's first element child). */
  el: E;
  dbName: string;
  /** Logs out, destroys the core and deletes its database. */
  cleanup(): Promise<void>;
}

const live = new Set<Kit>();
let counter = 0;

export const uniqueDbName = (prefix = 'test') => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

/** A logged-in LocalCore on a fresh (or given) database. */
export async function makeCore(options: KitOptions = {}): Promise<{ core: LocalCore; dbName: string }> {
  const dbName = options.dbName ?? uniqueDbName();
  const core = await createLocalCore({ dbName, seed: options.seed ?? 'demo', multiInstance: 'allow', ...(options.faults ? { faults: options.faults } : {}) });
  const user = options.user ?? 'alice';
  if (user) await core.login({ userID: user });
  return { core, dbName };
}

/** Mounts `template` inside a provider on a fresh seeded LocalCore. */
export async function mountKit<E extends Element = Element>(template: TemplateResult, options: KitOptions = {}): Promise<Kit<E>> {
  const { core, dbName } = await makeCore(options);
  const provider = await fixture<TimProvider>(testHtml`<tim-provider .core=${core} locale=${options.locale ?? 'en'}></tim-provider>`);
  // Sized through the CSSOM, not a style attribute, which csp.test.ts's strict policy would refuse.
  provider.style.cssText = 'display:block;height:600px;width:800px';
  render(template, provider);
  await provider.updateComplete;
  const el = provider.firstElementChild as E;
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  const kit: Kit<E> = {
    core,
    provider,
    store: provider.store!,
    el,
    dbName,
    async cleanup() {
      live.delete(kit as Kit);
      provider.remove();
      await core.destroy().catch(() => undefined);
      await deleteDb(dbName);
    },
  };
  live.add(kit as Kit);
  return kit;
}

/**
 * Mounts `template` in a provider on `core` appended to the body by hand: unlike `mountKit`'s fixture it
 * outlives the test (for elements shared across a describe, removed in `after`), and `cleanupKits` leaves
 * it alone. `cleanup()` removes it, destroys the core and deletes its database.
 */
export async function mountOnCore<E extends Element = Element>(
  core: LocalCore,
  dbName: string,
  template: TemplateResult,
  options: { width?: number } = {},
): Promise<Kit<E>> {
  const provider = document.createElement('tim-provider') as TimProvider;
  provider.core = core;
  provider.locale = 'en';
  provider.style.cssText = `display:block;height:600px;width:${options.width ?? 800}px`;
  document.body.append(provider);
  render(template, provider);
  await provider.updateComplete;
  return {
    core,
    provider,
    store: provider.store!,
    el: provider.firstElementChild as E,
    dbName,
    async cleanup() {
      provider.remove();
      await core.destroy().catch(() => undefined);
      await deleteDb(dbName);
    },
  };
}

export function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

/** Cleans up every kit a test left behind (call in afterEach). */
export async function cleanupKits(): Promise<void> {
  await Promise.all([...live].map((k) => k.cleanup()));
}

/**
 * The `tim-error`s the host gets during each test of the calling file (they bubble out of the provider to the
 * document), emptied before each test; the kits are cleaned up after each. Call once at the top of a file.
 */
export function hostErrors(): TimErrorDetail[] {
  const seen: TimErrorDetail[] = [];
  const listen = (e: Event) => seen.push((e as CustomEvent<TimErrorDetail>).detail);
  beforeEach(() => {
    seen.length = 0;
    document.addEventListener('tim-error', listen);
  });
  afterEach(async () => {
    document.removeEventListener('tim-error', listen);
    await cleanupKits();
  });
  return seen;
}

/** Waits until `check` returns a truthy value (frames and microtasks pass), or throws after `timeout` ms. */
export async function until<T>(check: () => T | undefined | null | false, message = 'condition', timeout = 4000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`Timed out waiting for ${message}`);
    await nextFrame();
  }
}

/** Every element matching `selector` across open shadow roots under `root`. */
export function deepQueryAll<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const out: T[] = [];
  const walk = (node: ParentNode) => {
    out.push(...(node.querySelectorAll(selector) as NodeListOf<T>));
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(root);
  return out;
}

export function deepQuery<T extends Element = Element>(root: ParentNode, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** The visible text of an element and its shadow roots (whitespace collapsed). */
export function deepText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    const el = n as Element;
    // A host's light children are reached through its slots, not twice.
    if (el.shadowRoot) walk(el.shadowRoot);
    else if (n instanceof HTMLSlotElement) n.assignedNodes({ flatten: true }).forEach(walk);
    else n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
