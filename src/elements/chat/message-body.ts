/**
 * The body of each message type, as Lit templates. Everything from a message (text, names, file names,
 * custom data, URLs) is untrusted: it goes into text bindings, and every URL through `safeUrl` with the
 * provider's allowed schemes. No HTML strings, no styles built from data.
 */
import { html, nothing } from 'lit';
import { safeUrl, unreachable, type Message, type MergedMessageItem, type MessagePayloadMap } from '../../core/index.js';
import type { MessageRenderer } from '../../context/tim-context.js';
import { formatBytes, formatDateTime, formatDuration, type Catalog } from '../../i18n/index.js';
import { recalledText } from '../shared/message-preview.js';
import { stripControls } from '../shared/text.js';
import type { AudioPlayback } from './audio-playback.js';
import type { TimChat } from './chat.js';

export type Of<K extends keyof MessagePayloadMap> = Message & { type: K; payload: MessagePayloadMap[K] };

/** What the bodies need from the chat element. */
export interface BodyHost {
  /** The chat element itself (its map link, store, shadow root and updates). */
  readonly chat: TimChat;
  readonly t: Catalog;
  readonly locale: string;
  readonly schemes: readonly string[];
  readonly renderers: Readonly<Record<string, MessageRenderer>>;
  /** The logged-in user. */
  readonly me: string;
  /** Upload progress 0..1 of a message being sent. */
  progress(messageID: string): number | undefined;
  /** The display name of a user (in this conversation). */
  nameOf(userID: string, fallback?: string): string;
  openImage(src: string, alt: string, opener: HTMLElement): void;
  /** Tells the host of a failure (`tim-error`). */
  report(error: unknown, scenario: string): void;
}

/** Bodies longer than this show their start and a "Show more" button (huge messages stay cheap). */
const LONG_TEXT = 3000;
const MEDIA_BOX = 240;
// Scheme'd URLs and bare www. hosts; trailing punctuation is left out of the link. Both in linear time
// (reliability F20): a scheme is bounded (an unbounded `[a-z][a-z\d+.-]*` rescanned a long "a.a.a…" token
// from every word start), and the punctuation is trimmed from the end by hand (`/[…]+$/` rescanned a long
// run of dots from each of them).
const LINK = /\b(?:[a-z][a-z\d+.-]{0,31}:\/\/|www\.)[^\s<>"'`]+|\bmailto:[^\s<>"'`]+/gi;
const TRAILING = `.,;:!?'")]}>。，、！？）」』`;
// Only emoji (and joiners, modifiers, spaces): shown large.
const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\s)+$/u;

/** A short message of emoji only: shown large, without a bubble. */
export function isJumbo(text: string): boolean {
  return text.length <= 24 && EMOJI_ONLY.test(text) && /\p{Extended_Pictographic}/u.test(text);
}

/** Text split into plain strings and links whose URL passed the allow-list. */
export function linkify(text: string, schemes: readonly string[]): Array<string | { href: string; text: string }> {
  const parts: Array<string | { href: string; text: string }> = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    let end = match[0].length;
    while (end && TRAILING.includes(match[0][end - 1]!)) end--;
    const raw = match[0].slice(0, end);
    const href = safeUrl(/^www\./i.test(raw) ? `https://${raw}` : raw, schemes);
    if (!href) continue;
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ href, text: raw });
    at = match.index + raw.length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** Size to show a picture at: its aspect kept, within a box, never 0. */
export function fitBox(width: number, height: number, grow = false, box = MEDIA_BOX): { width: number; height: number } {
  if (!(width > 0 && height > 0)) return { width: box, height: Math.round(box * 0.75) };
  const scale = grow ? box / Math.max(width, height) : Math.min(1, box / Math.max(width, height));
  return { width: Math.max(40, Math.round(width * scale)), height: Math.max(40, Math.round(height * scale)) };
}

/** The last path segment of an http(s) URL when it looks like a file name (for alt text). */
function fileNameOf(url: string): string {
  const match = /^https?:\/\/[^?#]*\/([^/?#]+\.[a-z\d]{2,5})(?:[?#]|$)/i.exec(url);
  if (!match) return '';
  try {
    return stripControls(decodeURIComponent(match[1]!));
  } catch {
    return '';
  }
}

/** Renders message bodies, and keeps the little state they have (videos playing, records open). */
export class MessageBodies {
  readonly #host: BodyHost;
  /** Videos the user started: their rows keep the `<video>` element across re-renders. */
  readonly playing = new Set<string>();
  readonly #longOpen = new Set<string>();
  /** @internal The lazy chunk of rarer bodies, once loaded. */
  rich: typeof import('./rich-bodies.js') | undefined;
  #richLoading: Promise<void> | undefined;
  /** That chunk could not be fetched (offline): those bodies say so; the next conversation opened tries again. */
  #richFailed = false;
  /** Merged-forward records the user opened, with their messages once known. */
  readonly records = new Map<string, { items?: MergedMessageItem[]; failed?: boolean }>();
  /** Voice playback, created with the first voice message played. */
  audio: AudioPlayback | undefined;

  constructor(host: BodyHost) {
    this.#host = host;
  }

  get host(): BodyHost {
    return this.#host;
  }

  /** Forgets per-conversation state (another conversation opened). */
  reset(): void {
    this.audio?.stop();
    this.playing.clear();
    this.#longOpen.clear();
    this.records.clear();
    this.#richFailed = false;
  }

  /** The body of a message (revoked and tips included). `nested`: inside a chat record. */
  render(m: Message, nested = false): unknown {
    if (m.isRevoked) {
      const by = m.revoker?.userID || m.from;
      return recalledText(this.#host.t, by === this.#host.me, this.#host.nameOf(by, m.revoker?.nick || m.nick));
    }
    switch (m.type) {
      case 'TIMTextElem':
        return this.#text(m.ID, m.payload.text);
      case 'TIMImageElem':
        return this.#image(m as Of<'TIMImageElem'>);
      default:
        return this.#rich(m, nested);
    }
  }

  /**
   * Loads the other bodies (stickers, files, video, voice, location, chat records, custom messages, group
   * tips) and the upload progress bar of a message being sent: a chunk of their own with their styles,
   * fetched when a conversation opens, so a page that shows no chat never loads them.
   */
  load(): Promise<void> {
    return (this.#richLoading ??= import('./rich-bodies.js')
      .catch(unreachable)
      .then(
        (mod) => {
          // What the chunk uses from this bundle is handed over, not imported (see the chat's composer).
          mod.attachRichBodies({ fitBox, formatBytes, formatDateTime, formatDuration, stripControls }, this.#host.chat.renderRoot as ShadowRoot);
          this.rich = mod;
        },
        (error: unknown) => {
          this.#richLoading = undefined;
          this.#richFailed = true;
          this.#host.report(error, 'showMessage');
          throw error;
        },
      )
      .finally(() => this.#host.chat.requestUpdate()));
  }

  #rich(m: Message, nested: boolean) {
    if (this.rich) return this.rich.render(this, m, nested);
    if (this.#richFailed) return this.unshown();
    this.load().catch(() => undefined);
    return this.placeholder(m);
  }

  /** @internal In place of a body whose code could not be fetched: it cannot be shown until a reload. */
  unshown(): unknown {
    return html`<span class="unshown">${this.#host.t.chat.unshown}</span>`;
  }

  /** @internal A box of about the final size of a body still loading (no jump when it arrives). */
  placeholder(m: Message): unknown {
    if (m.type === 'TIMGroupTipElem' || m.type === 'TIMGroupSystemNoticeElem') return this.#host.t.common.preview.groupNotice;
    if (m.type === 'TIMFaceElem') return html`<span class="sticker" role="img" aria-label=${this.#host.t.chat.sticker}></span>`;
    const size = m.type === 'TIMVideoFileElem' ? fitBox(m.payload.thumbWidth, m.payload.thumbHeight, true) : { width: 220, height: m.type === 'TIMRelayElem' ? 110 : 44 };
    return html`<svg class="placeholder" width=${size.width} height=${size.height} aria-hidden="true"></svg>`;
  }

  #text(id: string, text: string) {
    const t = this.#host.t.chat;
    const cut = text.length > LONG_TEXT && !this.#longOpen.has(id);
    const shown = cut ? text.slice(0, LONG_TEXT).replace(/[\ud800-\udbff]$/, '') + '…' : text;
    return html`<div class="text ${isJumbo(text) ? 'jumbo' : ''}" dir="auto">${linkify(shown, this.#host.schemes).map((p) =>
      typeof p === 'string' ? p : html`<a href=${p.href} target="_blank" rel="noopener noreferrer nofollow">${p.text}</a>`,
    )}</div>${cut
      ? html`<button class="more" @click=${() => (this.#longOpen.add(id), this.#host.chat.requestUpdate())}>${t.showMore}</button>`
      : nothing}`;
  }

  #image(m: Of<'TIMImageElem'>) {
    const t = this.#host.t.chat;
    const infos = m.payload.imageInfoArray ?? [];
    const shown = infos.find((i) => i.type === 1) ?? infos.find((i) => i.type === 2) ?? infos[0];
    const original = infos.find((i) => i.type === 0) ?? shown;
    const schemes = this.#host.schemes;
    const src = safeUrl(shown?.url, schemes);
    const size = fitBox(original?.width || shown?.width || 0, original?.height || shown?.height || 0);
    const name = stripControls(m.payload.fileName ?? '') || fileNameOf(original?.url ?? '');
    const alt = name ? t.imageNamed(name) : t.image;
    const full = safeUrl(original?.url, schemes) ?? src;
    const picture = src
      ? html`<img src=${src} alt=${alt} width=${size.width} height=${size.height} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
      : html`<svg class="placeholder" width=${size.width} height=${size.height} role="img" aria-label=${alt}></svg>`;
    // The upload bar shows only while this page sends the image, long after the rich bodies' chunk (which
    // draws it) came with the conversation.
    return html`<div class="media">
      ${full
        ? html`<button class="media-button" title=${t.viewImage} @click=${(e: Event) => this.#host.openImage(full, alt, e.currentTarget as HTMLElement)}>${picture}</button>`
        : picture}
      ${this.rich?.uploadProgress(this, m)}
    </div>`;
  }
}
