import { nothing, render, type ReactiveController, type ReactiveControllerHost, type RootPart } from 'lit';

/**
 * A keyed, variable-height virtual list rendered inside its host's shadow root (so the host's styles apply
 * to the rows), for the kit's long lists: conversations, message history, friends, members, results.
 *
 * Why not @lit-labs/virtualizer: it is about 9 KB min+gzip on top of lit (over a fifth of the kit's 40 KB
 * budget), and it loses its place when items are prepended unless the anchor is restored by hand. This list
 * is anchored by key by construction: whenever items change or rows are measured, the first visible row
 * keeps its exact screen position, so prepending history or an image loading above never moves what the
 * reader looks at. With `stickToBottom` (chat), a reader at the bottom stays at the bottom.
 *
 * Layout: rows in normal flow between two spacers (the estimated/measured heights of rows above and
 * below the rendered range), so rows may use margins and any CSS. Heights are measured with one
 * ResizeObserver and kept by key.
 *
 * Rows are keyed without lit's `repeat` directive, which with the helpers it needs cost about 950 B
 * min+gzip of the first screen: each row is a `<div data-vkey>` kept by key and rendered as a lit root of
 * its own, with the host's options (see `#renderRows`). A row keeps its DOM, and what it holds (a loaded
 * image, a playing video), while the items around it change. The rows' parent is an element of the list's
 * own, which `render()` returns, so the list needs no directive (lit's directive base was 300 B of the
 * first screen): its spacers are set on it directly, through its CSSOM (allowed by a strict
 * Content-Security-Policy, unlike a `style="…"` attribute), and the scroller is the element it is
 * rendered in.
 *
 * Usage in a host's render():
 *   html`<div class="scroller">${this.list.render(items, (item) => html`…`)}</div>`
 * The scroller needs `overflow-y: auto` and a bounded height.
 */
export interface VirtualListOptions<T> {
  /** Stable identity of an item (repeat key and measurement cache key). */
  key: (item: T) => string;
  /** Estimated height in px of an item not yet measured. */
  estimate: number | ((item: T) => number);
  /** Extra px rendered above and below the viewport. */
  overscan?: number;
  /** Keep the view at the bottom when the reader was at the bottom (chat history). */
  stickToBottom?: boolean;
  /**
   * Keep the view at the top when the reader was at the top (a list whose liveliest items come first: the
   * conversation list, where a conversation that moves to the top must come into view, not push the view
   * down to keep the row that was first in place). Elsewhere the list stays anchored by key.
   */
  stickToTop?: boolean;
  /**
   * Rows the view may be anchored on (default all). Leave out rows that move when items are added around
   * them (a "loading" row at the top, a day divider whose day gains older messages): anchoring on those
   * would carry the view along with them.
   */
  anchorable?: (item: T) => boolean;
  /** Called after scrolling or a layout change with the visible index range. */
  onRange?: (range: VisibleRange) => void;
}

export interface VisibleRange {
  /** First and last index at least partly visible (-1 when empty). */
  first: number;
  last: number;
  /** Px from the top of the content to the top of the viewport. */
  scrollTop: number;
  /** Px from the bottom of the viewport to the bottom of the content. */
  distanceToBottom: number;
}

const AT_BOTTOM_PX = 24;

/** The events by which a reader scrolls (and so takes over from a pending scroll target). */
const USER_SCROLLS = ['wheel', 'touchstart', 'pointerdown', 'keydown'];

export class VirtualList<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: VirtualListOptions<T>;
  #items: readonly T[] = [];
  #keys: string[] = [];
  #indexByKey = new Map<string, number>();
  /** Measured heights by key. */
  #heights = new Map<string, number>();
  /** Prefix sums: #offsets[i] is the top of item i; #offsets[n] the total height. */
  #offsets: number[] = [0];
  #start = 0;
  #end = 0;
  #el: HTMLElement | undefined;
  #resize: ResizeObserver | undefined;
  #connected = false;
  /** The rows' parent, which `render()` returns: the spacers are its padding. */
  readonly #wrapper = document.createElement('div');
  /** The rendered rows by key, in the wrapper. */
  #rows = new Map<string, { el: HTMLElement; part: RootPart }>();
  /** The row the reader looks at, and its px from the viewport top, captured before an update. */
  #anchor: { key: string; screenTop: number } | undefined;
  /** Last observed DOM height of each rendered row (to tell real resizes from first measurements). */
  #domHeights = new WeakMap<Element, number>();
  #wasAtBottom = true;
  /** The scroller's scrollTop when the list last looked (its scroll event, or its own scrolling). */
  #seenTop = 0;
  /** With `stickToTop`: the reader was at the top when the update began. */
  #wasAtTop = false;
  /** A scroll target kept until the layout around it has settled (measurements move it). Held by key:
   *  rows prepended meanwhile (a page of history) must not turn it into another row. */
  #target: { key: string | undefined; index: number; block: 'start' | 'center' | 'end'; tries: number } | undefined;
  /** Key of the first visible row as of the last settled layout (the resize anchor). */
  #settledAnchor: string | undefined;
  #frame = 0;
  #updateFrame = 0;

  constructor(host: ReactiveControllerHost, options: VirtualListOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The scroll container, once rendered. */
  get element(): HTMLElement | undefined {
    return this.#el;
  }

  /** The items last passed to render(). */
  get items(): readonly T[] {
    return this.#items;
  }

  /** True when the view is at (or within a few px of) the bottom. */
  get atBottom(): boolean {
    const el = this.#el;
    return !el || el.scrollHeight - el.scrollTop - el.clientHeight <= AT_BOTTOM_PX;
  }

  /** The visible range now. */
  get range(): VisibleRange {
    const el = this.#el;
    if (!el || this.#items.length === 0) return { first: -1, last: -1, scrollTop: 0, distanceToBottom: 0 };
    const top = el.scrollTop;
    const first = this.#indexAt(top);
    const last = this.#indexAt(top + el.clientHeight - 1);
    return { first, last, scrollTop: top, distanceToBottom: Math.max(0, el.scrollHeight - top - el.clientHeight) };
  }

  /** Renders the rows for these items. Call it from the host's render(), as the scroller's content. */
  render(items: readonly T[], renderItem: (item: T, index: number) => unknown): HTMLElement {
    if (items !== this.#items) this.#setItems(items);
    // Render around where the anchor row will be after this update, so the restore can measure it.
    const anchorIndex = this.#anchor && this.#indexByKey.get(this.#anchor.key);
    this.#computeRange(anchorIndex === undefined || !this.#anchor ? undefined : this.#offsets[anchorIndex]! - this.#anchor.screenTop);
    const total = this.#offsets[this.#items.length] ?? 0;
    const top = this.#offsets[this.#start] ?? 0;
    const bottom = total - (this.#offsets[this.#end] ?? total);
    const wrapper = this.#wrapper;
    wrapper.style.paddingTop = `${top}px`;
    wrapper.style.paddingBottom = `${bottom}px`;
    this.#renderRows(this.#items.slice(this.#start, this.#end), this.#start, renderItem);
    return wrapper;
  }

  /**
   * Puts the rows of `slice` (items from `start` on) in the wrapper, in order: a row already there keeps
   * its element (and is moved only when out of order), a new one gets its own, the others go. Each row is
   * rendered as its own lit root with the host's options, so its event listeners are called on the host, as
   * in the host's template; a row that goes, or a host that is disconnected, disconnects the row's
   * directives, as `repeat` would.
   */
  #renderRows(slice: readonly T[], start: number, renderItem: (item: T, index: number) => unknown): void {
    const wrapper = this.#wrapper;
    const keys = slice.map(this.#options.key);
    const wanted = new Set(keys);
    this.#removeRows((key) => !wanted.has(key));
    let next = wrapper.firstElementChild;
    slice.forEach((item, i) => {
      const key = keys[i]!;
      let el = this.#rows.get(key)?.el;
      if (!el) {
        el = document.createElement('div');
        el.dataset.vkey = key;
        this.#resize?.observe(el);
      }
      this.#rows.set(key, { el, part: render(renderItem(item, start + i) ?? nothing, el, { host: this.#host, isConnected: this.#connected }) });
      if (el === next) next = el.nextElementSibling;
      // The row in its place moved further down (it is put back when its turn comes): one move, not one per row it passed.
      else if (next?.nextElementSibling === el) next = el.nextElementSibling;
      else wrapper.insertBefore(el, next);
    });
  }

  #removeRows(which: (key: string) => boolean): void {
    for (const [key, { el, part }] of this.#rows) {
      if (!which(key)) continue;
      part.setConnected(false);
      this.#resize?.unobserve(el);
      el.remove();
      this.#rows.delete(key);
    }
  }

  /** Scrolls so the item with this key is visible ('start', 'center' or 'end' of the viewport). */
  scrollToKey(key: string, block: 'start' | 'center' | 'end' = 'center'): boolean {
    const index = this.#indexByKey.get(key);
    if (index === undefined) return false;
    this.scrollToIndex(index, block);
    return true;
  }

  scrollToIndex(index: number, block: 'start' | 'center' | 'end' = 'start'): void {
    this.#target = { key: this.#keys[index], index, block, tries: 6 };
    this.#anchor = undefined;
    this.#applyTarget();
    this.#host.requestUpdate();
  }

  /** Scrolls to the target: exactly from the DOM once its row is rendered, else from the offsets. */
  #applyTarget(): void {
    const el = this.#el;
    const target = this.#target;
    if (!el || !target) return;
    if (target.key !== undefined) target.index = this.#indexByKey.get(target.key) ?? target.index;
    const key = this.#keys[target.index];
    const row = key === undefined ? undefined : this.#rows.get(key)?.el;
    let top: number;
    let height: number;
    if (row) {
      top = row.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
      height = row.offsetHeight;
    } else {
      top = this.#offsets[target.index] ?? 0;
      height = (this.#offsets[target.index + 1] ?? top) - top;
    }
    const y = target.block === 'start' ? top : target.block === 'end' ? top + height - el.clientHeight : top - (el.clientHeight - height) / 2;
    el.scrollTop = Math.max(0, y);
    this.#wasAtBottom = this.atBottom;
    if (--target.tries <= 0) this.#target = undefined;
  }

  scrollToBottom(): void {
    const el = this.#el;
    this.#wasAtBottom = true;
    this.#target = undefined;
    this.#anchor = undefined;
    if (el) el.scrollTop = el.scrollHeight;
    this.#host.requestUpdate();
  }

  hostConnected(): void {
    this.#connected = true;
    const resize = (this.#resize = new ResizeObserver((entries) => this.#onResize(entries)));
    if (this.#el) resize.observe(this.#el);
    for (const { el, part } of this.#rows.values()) {
      resize.observe(el);
      part.setConnected(true);
    }
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#resize?.disconnect();
    this.#resize = undefined;
    for (const { part } of this.#rows.values()) part.setConnected(false);
    cancelAnimationFrame(this.#frame);
    cancelAnimationFrame(this.#updateFrame);
  }

  hostUpdate(): void {
    // Before the DOM changes: remember what the reader is looking at.
    this.#captureAnchor();
  }

  hostUpdated(): void {
    // The scroller is the element the list is rendered in: none when the host rendered something else in
    // its place (a loading or empty state).
    const wrapper = this.#wrapper;
    this.#setScroller((this.#host as ReactiveControllerHost & { renderRoot: Node }).renderRoot.contains(wrapper) ? (wrapper.parentElement ?? undefined) : undefined);
    if (this.#target) this.#applyTarget();
    else this.#restoreAnchor();
    this.#anchor = undefined;
    this.#settledAnchor = this.#visibleRow()?.row.dataset.vkey;
    this.#seenTop = this.#el?.scrollTop ?? 0;
    this.#notifyRange();
  }

  #setScroller(el: HTMLElement | undefined): void {
    if (el === this.#el) return;
    if (this.#el) {
      this.#el.removeEventListener('scroll', this.#onScroll);
      for (const type of USER_SCROLLS) this.#el.removeEventListener(type, this.#onUserScroll);
      this.#resize?.unobserve(this.#el);
    }
    // The list left the host's template: its rows went with it (they start afresh, as a new `repeat` would).
    if (!el) this.#removeRows(() => true);
    this.#el = el;
    if (el) {
      el.style.overflowAnchor = 'none';
      el.addEventListener('scroll', this.#onScroll, { passive: true });
      // A reader who scrolls takes over from a pending scroll target.
      for (const type of USER_SCROLLS) el.addEventListener(type, this.#onUserScroll, { passive: true });
      this.#resize?.observe(el);
    }
  }

  #onUserScroll = () => {
    this.#target = undefined;
  };

  #onScroll = () => {
    this.#wasAtBottom = this.atBottom;
    this.#seenTop = this.#el!.scrollTop;
    if (!this.#target) this.#settledAnchor = this.#visibleRow()?.row.dataset.vkey;
    const before = [this.#start, this.#end];
    this.#computeRange();
    if (before[0] !== this.#start || before[1] !== this.#end) this.#host.requestUpdate();
    else this.#notifyRange();
  };

  #setItems(items: readonly T[]): void {
    this.#items = items;
    this.#keys = items.map(this.#options.key);
    this.#indexByKey = new Map(this.#keys.map((k, i) => [k, i] as const));
    this.#recomputeOffsets();
  }

  #estimate(item: T): number {
    const e = this.#options.estimate;
    return typeof e === 'number' ? e : e(item);
  }

  #recomputeOffsets(): void {
    const n = this.#items.length;
    const offsets = new Array<number>(n + 1);
    offsets[0] = 0;
    for (let i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i]! + (this.#heights.get(this.#keys[i]!) ?? this.#estimate(this.#items[i]!));
    }
    this.#offsets = offsets;
  }

  /** Index of the item covering px `y` from the top of the content (binary search). */
  #indexAt(y: number): number {
    const n = this.#items.length;
    if (n === 0) return -1;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#offsets[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  #computeRange(projectedTop?: number): void {
    const n = this.#items.length;
    const el = this.#el;
    if (n === 0) {
      this.#start = this.#end = 0;
      return;
    }
    const overscan = this.#options.overscan ?? 600;
    // Before the first layout: render what fits a typical viewport from the anchored end.
    const viewport = el?.clientHeight || 800;
    let top = projectedTop ?? (el ? el.scrollTop : 0);
    // The browser stops a scroller at its content's end: a projected top past it (the anchor row's place after
    // rows came in above it, in a list shorter than the viewport) would leave those rows out of the range.
    if (!el && this.#options.stickToBottom || top > this.#offsets[n]! - viewport) top = Math.max(0, this.#offsets[n]! - viewport);
    this.#start = Math.max(0, this.#indexAt(top - overscan));
    this.#end = Math.min(n, this.#indexAt(top + viewport + overscan) + 1);
  }

  /** The first anchorable row at least partly visible, from the DOM (exact, whatever the estimates say). */
  #visibleRow(): { row: HTMLElement; screenTop: number } | undefined {
    const el = this.#el;
    if (!el) return undefined;
    const top = el.getBoundingClientRect().top;
    const anchorable = this.#options.anchorable;
    for (const row of this.#wrapper.children as HTMLCollectionOf<HTMLElement>) {
      const item = anchorable && this.#items[this.#indexByKey.get(row.dataset.vkey!) ?? -1];
      if (anchorable && (item === undefined || !anchorable(item as T))) continue;
      const rect = row.getBoundingClientRect();
      if (rect.bottom > top + 0.5) return { row, screenTop: rect.top - top };
    }
    return undefined;
  }

  #captureAnchor(): void {
    const el = this.#el;
    // The reader scrolled and its scroll event has not come yet (it comes with the next frame): where they
    // are now decides whether the view stays at the bottom, or an update in between would pull them back.
    if (el && el.scrollTop !== this.#seenTop) this.#wasAtBottom = this.atBottom;
    if (this.#anchor || !el || this.#items.length === 0) return;
    this.#wasAtTop = !!this.#options.stickToTop && el.scrollTop < 0.5;
    if (this.#wasAtTop) return;
    const visible = this.#visibleRow();
    if (visible) this.#anchor = { key: visible.row.dataset.vkey!, screenTop: visible.screenTop };
  }

  /** Puts the anchor row back at its screen position (or stays at the bottom). */
  #restoreAnchor(): void {
    const el = this.#el;
    const anchor = this.#anchor;
    this.#anchor = undefined;
    if (!el) return;
    if (this.#options.stickToBottom && this.#wasAtBottom) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    if (this.#wasAtTop) {
      this.#wasAtTop = false;
      el.scrollTop = 0;
      return;
    }
    if (!anchor) return;
    const row = this.#rows.get(anchor.key)?.el;
    if (row) {
      const shift = row.getBoundingClientRect().top - el.getBoundingClientRect().top - anchor.screenTop;
      if (Math.abs(shift) >= 0.5) el.scrollTop += shift;
      return;
    }
    const index = this.#indexByKey.get(anchor.key);
    if (index !== undefined) el.scrollTop = this.#offsets[index]! - anchor.screenTop;
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    const el = this.#el;
    let changed = false;
    let shiftAbove = 0;
    // The anchor from before this resize: after it, the first visible row may be another one.
    const anchorIndex = this.#settledAnchor === undefined ? -1 : (this.#indexByKey.get(this.#settledAnchor) ?? -1);
    for (const entry of entries) {
      const key = (entry.target as HTMLElement).dataset.vkey;
      if (key === undefined) continue; // the scroller itself
      const height = (entry.target as HTMLElement).offsetHeight;
      const before = this.#domHeights.get(entry.target);
      this.#domHeights.set(entry.target, height);
      // A row that really changed size above the anchor (an image loaded) pushed the anchor down.
      if (before !== undefined && before !== height && (this.#indexByKey.get(key) ?? Infinity) < anchorIndex) {
        shiftAbove += height - before;
      }
      if (this.#heights.get(key) !== height) {
        this.#heights.set(key, height);
        changed = true;
      }
    }
    if (el && this.#target) this.#applyTarget();
    else if (el && this.#options.stickToBottom && this.#wasAtBottom) el.scrollTop = el.scrollHeight;
    // (At the top of a `stickToTop` list, a row growing above the anchor moves nothing: the view stays at the top.)
    else if (el && shiftAbove && !(this.#options.stickToTop && el.scrollTop < 0.5)) el.scrollTop += shiftAbove;
    if (changed) this.#recomputeOffsets();
    // Also reached when the scroller itself resized: the range may need more rows. Rendering inside the
    // observer's callback would start a resize loop, so the update waits for the next frame.
    cancelAnimationFrame(this.#updateFrame);
    this.#updateFrame = requestAnimationFrame(() => this.#host.requestUpdate());
  }

  #notifyRange(): void {
    const onRange = this.#options.onRange;
    if (!onRange) return;
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => onRange(this.range));
  }
}

// ───────────────────────────── keyboard ─────────────────────────────
// Keyboard movement for the kit's lists (listbox/grid with one tab stop and `aria-activedescendant`):
// arrows, Home, End, PageUp, PageDown, and typeahead by name. Here, beside the list they move in, so the
// lists' code travels as one piece (it was a chunk of its own, shared by the list and the profile views).

/** The index a navigation key moves to, or null when the key is not a navigation key. */
export function navigationTarget(key: string, index: number, count: number, pageSize: number): number | null {
  const page = Math.max(1, pageSize);
  // How far each key moves; Home and End go as far as the list goes.
  const step = ({ ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity } as Partial<Record<string, number>>)[key];
  return step === undefined || count === 0 ? null : Math.max(0, Math.min(count - 1, index + step));
}

/**
 * Typeahead: printable keys typed within a short pause form a prefix; `match` returns the index of the next
 * item (after the current one, wrapping) whose label starts with it, case-insensitively.
 */
export class Typeahead {
  #buffer = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** A prefix is being typed (the last key came within the pause): Space then continues it. */
  get typing(): boolean {
    return this.#buffer !== '';
  }

  /** Returns the new index, or null when the key is not typeahead or nothing matches. */
  match(key: string, index: number, labels: (i: number) => string, count: number): number | null {
    if (key.length !== 1 || key === ' ' && !this.#buffer) return null;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#buffer = ''), 700);
    this.#buffer += key.toLocaleLowerCase();
    const start = this.#buffer.length === 1 ? index + 1 : index;
    for (let k = 0; k < count; k++) {
      const i = (start + k) % count;
      if (labels(i).toLocaleLowerCase().startsWith(this.#buffer)) return i;
    }
    return null;
  }
}
