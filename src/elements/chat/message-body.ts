/**
 * The body of each message type, as Lit templates. Everything from a message (text, names, file names,
 * custom data, URLs) is untrusted: it goes into text bindings, and every URL through `safeUrl` with the
 * provider's allowed schemes. No HTML strings, no styles built from data.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { safeUrl, type Message, type MergedMessageItem, type MessagePayloadMap } from '../../core/index.js';
import type { MessageRenderer } from '../../context/tim-context.js';
import { formatBytes, formatDuration, type Catalog } from '../../i18n/index.js';
import { icon } from '../shared/icons.js';
import { recalledText } from '../shared/message-preview.js';
import { stripControls } from '../shared/text.js';
import type { AudioPlayback } from './audio-playback.js';

type Of<K extends keyof MessagePayloadMap> = Message & { type: K; payload: MessagePayloadMap[K] };

/** What the bodies need from the chat element. */
export interface BodyHost {
  readonly t: Catalog;
  readonly locale: string;
  readonly schemes: readonly string[];
  readonly renderers: Readonly<Record<string, MessageRenderer>>;
  readonly audio: AudioPlayback;
  /** The logged-in user. */
  readonly me: string;
  /** Upload progress 0..1 of a message being sent. */
  progress(messageID: string): number | undefined;
  /** The display name of a user (in this conversation). */
  nameOf(userID: string, fallback?: string): string;
  /** A map link for a position, or null. */
  mapLink(latitude: number, longitude: number): string | null;
  openImage(src: string, alt: string, opener: HTMLElement): void;
  /** The messages of a merged-forward record whose body was uploaded. */
  downloadRecord(messageID: string): Promise<MergedMessageItem[]>;
  requestUpdate(): void;
}

/** Bodies longer than this show their start and a "Show more" button (huge messages stay cheap). */
const LONG_TEXT = 3000;
const MEDIA_BOX = 240;
// Scheme'd URLs and bare www. hosts; trailing punctuation is left out of the link.
const LINK = /\b(?:[a-z][a-z\d+.-]*:\/\/|www\.)[^\s<>"'`]+|\bmailto:[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'")\]}>。，、！？）」』]+$/;
// Only emoji (and joiners, modifiers, spaces): shown large.
const EMOJI_ONLY = /^(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\s)+$/u;

/** Text split into plain strings and links whose URL passed the allow-list. */
export function linkify(text: string, schemes: readonly string[]): Array<string | { href: string; text: string }> {
  const parts: Array<string | { href: string; text: string }> = [];
  let at = 0;
  for (const match of text.matchAll(LINK)) {
    const raw = match[0].replace(TRAILING, '');
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
  #stickers: typeof import('./stickers.js') | undefined;
  #record: typeof import('./record.js') | undefined;
  /** Merged-forward records the user opened, with their messages once known. */
  readonly records = new Map<string, { items?: MergedMessageItem[]; failed?: boolean }>();

  constructor(host: BodyHost) {
    this.#host = host;
  }

  get host(): BodyHost {
    return this.#host;
  }

  /** Forgets per-conversation state (another conversation opened). */
  reset(): void {
    this.playing.clear();
    this.#longOpen.clear();
    this.records.clear();
  }

  /** The body of a message (revoked and tips included). `nested`: inside a chat record. */
  render(m: Message, nested = false): unknown {
    const t = this.#host.t.chat;
    if (m.isRevoked) {
      const by = m.revoker?.userID || m.from;
      return recalledText(this.#host.t, by === this.#host.me, this.#host.nameOf(by, m.revoker?.nick || m.nick));
    }
    switch (m.type) {
      case 'TIMTextElem':
        return this.#text(m.ID, m.payload.text);
      case 'TIMImageElem':
        return this.#image(m as Of<'TIMImageElem'>);
      case 'TIMVideoFileElem':
        return this.#video(m as Of<'TIMVideoFileElem'>);
      case 'TIMFileElem':
        return this.#file(m as Of<'TIMFileElem'>);
      case 'TIMSoundElem':
        return this.#sound(m as Of<'TIMSoundElem'>);
      case 'TIMFaceElem':
        return this.#face(m.payload);
      case 'TIMLocationElem':
        return this.#location(m.payload);
      case 'TIMCustomElem':
        return this.#custom(m as Of<'TIMCustomElem'>);
      case 'TIMRelayElem':
        return this.#relay(m as Of<'TIMRelayElem'>, nested);
      case 'TIMGroupTipElem':
        return this.tipText(m.payload);
      case 'TIMGroupSystemNoticeElem':
        return t.tips.system;
    }
  }

  #text(id: string, text: string) {
    const t = this.#host.t.chat;
    const cut = text.length > LONG_TEXT && !this.#longOpen.has(id);
    const shown = cut ? text.slice(0, LONG_TEXT).replace(/[\ud800-\udbff]$/, '') + '…' : text;
    const jumbo = text.length <= 24 && EMOJI_ONLY.test(text) && /\p{Extended_Pictographic}/u.test(text);
    return html`<div class="text ${jumbo ? 'jumbo' : ''}" dir="auto">${linkify(shown, this.#host.schemes).map((p) =>
      typeof p === 'string' ? p : html`<a href=${p.href} target="_blank" rel="noopener noreferrer nofollow">${p.text}</a>`,
    )}</div>${cut
      ? html`<button class="more" @click=${() => (this.#longOpen.add(id), this.#host.requestUpdate())}>${t.showMore}</button>`
      : nothing}`;
  }

  #progress(m: Message) {
    const p = m.status === 'unSend' ? this.#host.progress(m.ID) : undefined;
    if (p === undefined) return nothing;
    const percent = new Intl.NumberFormat(this.#host.locale, { style: 'percent' }).format(p);
    return html`<progress class="upload" max="1" .value=${p} aria-label=${this.#host.t.chat.uploading(percent)}></progress>`;
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
    return html`<div class="media">
      ${full
        ? html`<button class="media-button" title=${t.viewImage} @click=${(e: Event) => this.#host.openImage(full, alt, e.currentTarget as HTMLElement)}>${picture}</button>`
        : picture}
      ${this.#progress(m)}
    </div>`;
  }

  #video(m: Of<'TIMVideoFileElem'>) {
    const t = this.#host.t.chat;
    const p = m.payload;
    const schemes = this.#host.schemes;
    const src = safeUrl(p.videoUrl, schemes);
    const poster = safeUrl(p.thumbUrl, schemes);
    const size = fitBox(p.thumbWidth, p.thumbHeight, true);
    if (src && this.playing.has(m.ID)) {
      return html`<div class="media"><video src=${src} poster=${poster ?? nothing} width=${size.width} height=${size.height} controls autoplay playsinline preload="metadata"></video></div>`;
    }
    return html`<div class="media">
      <button class="media-button video" ?disabled=${!src} aria-label=${src ? t.playVideo : t.unavailable} @click=${() => (this.playing.add(m.ID), this.#host.requestUpdate())}>
        ${poster
          ? html`<img src=${poster} alt="" width=${size.width} height=${size.height} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
          : html`<svg class="placeholder" width=${size.width} height=${size.height} aria-hidden="true"></svg>`}
        <span class="play-badge">${icon('play')}</span>
        <span class="duration">${formatDuration(p.videoSecond)}</span>
      </button>
      ${this.#progress(m)}
    </div>`;
  }

  #file(m: Of<'TIMFileElem'>) {
    const p = m.payload;
    const name = stripControls(p.fileName) || this.#host.t.common.preview.file('');
    const href = safeUrl(p.fileUrl, this.#host.schemes);
    return html`<div class="file">
      <span class="file-icon">${icon('file')}</span>
      <span class="file-text">
        <bdi class="file-name" title=${name}>${name}</bdi>
        <span class="file-size">${formatBytes(p.fileSize, this.#host.locale)}</span>
        ${this.#progress(m)}
      </span>
      ${href && m.status !== 'unSend'
        ? html`<a class="icon-button" href=${href} download=${name} target="_blank" rel="noopener noreferrer" aria-label=${this.#host.t.chat.download(name)}>${icon('download')}</a>`
        : nothing}
    </div>`;
  }

  #sound(m: Of<'TIMSoundElem'>) {
    const t = this.#host.t.chat;
    const audio = this.#host.audio;
    const src = safeUrl(m.payload.url, this.#host.schemes);
    const current = audio.id === m.ID;
    const playing = current && audio.playing;
    const duration = (current && audio.duration) || m.payload.second;
    return html`<div class="sound">
      <button class="round" ?disabled=${!src} aria-label=${playing ? t.pause : t.play} @click=${() => src && audio.toggle(m.ID, src)}>
        ${icon(playing ? 'pause' : 'play')}
      </button>
      <progress max=${duration || 1} .value=${current ? audio.time : 0} aria-label=${t.voice}></progress>
      <span class="duration">${formatDuration(current && audio.time ? audio.time : duration)}</span>
    </div>`;
  }

  #face(p: MessagePayloadMap['TIMFaceElem']) {
    const t = this.#host.t.chat;
    if (!this.#stickers) {
      void import('./stickers.js').then((mod) => ((this.#stickers = mod), this.#host.requestUpdate()));
      return html`<span class="sticker" role="img" aria-label=${t.sticker}></span>`;
    }
    const sticker = this.#stickers.stickerFor(p);
    if (!sticker) return html`<span class="text">${this.#host.t.common.preview.sticker}</span>`;
    return html`<svg class="sticker" viewBox="0 0 64 64" role="img" aria-label=${t.stickers[sticker.key]}>${sticker.draw}</svg>`;
  }

  #location(p: MessagePayloadMap['TIMLocationElem']) {
    const t = this.#host.t.chat;
    const ok = Number.isFinite(p.latitude) && Number.isFinite(p.longitude) && Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180;
    const n = new Intl.NumberFormat(this.#host.locale, { maximumFractionDigits: 5 });
    const href = ok ? this.#host.mapLink(p.latitude, p.longitude) : null;
    return html`<div class="location">
      <span class="file-icon">${icon('location')}</span>
      <span class="file-text">
        <bdi class="file-name" dir="auto">${p.description || t.location}</bdi>
        ${ok ? html`<span class="file-size">${n.format(p.latitude)}, ${n.format(p.longitude)}</span>` : nothing}
        ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${t.openMap}</a>` : nothing}
      </span>
    </div>`;
  }

  #custom(m: Of<'TIMCustomElem'>) {
    let data: unknown;
    try {
      data = JSON.parse(m.payload.data);
    } catch {
      /* not JSON: the fallback below */
    }
    const id = data && typeof data === 'object' ? (data as { businessID?: unknown }).businessID : undefined;
    const renderers = this.#host.renderers;
    const renderer = typeof id === 'string' && Object.hasOwn(renderers, id) ? renderers[id] : undefined;
    if (renderer) {
      try {
        const out = renderer(m, data as Record<string, unknown>);
        if (out != null && out !== nothing) return html`<div class="custom">${out}</div>`;
      } catch (error) {
        console.warn(`tim-chat: the renderer for "${id}" failed`, error);
      }
    }
    return html`<div class="text" dir="auto">${m.payload.description || this.#host.t.chat.unsupported}</div>`;
  }

  #relay(m: Of<'TIMRelayElem'>, nested: boolean) {
    const t = this.#host.t.chat;
    const p = m.payload;
    const state = this.records.get(m.ID);
    return html`<details class="record" ?open=${!!state} @toggle=${(e: Event) => this.#toggleRecord(m, (e.target as HTMLDetailsElement).open, nested)}>
      <summary>
        <bdi class="record-title" dir="auto">${p.title || t.chatRecord}</bdi>
        ${(p.abstractList ?? []).slice(0, 4).map((line) => html`<span class="abstract" dir="auto">${line}</span>`)}
        <span class="record-label">${t.chatRecord}</span>
      </summary>
      ${state && this.#record ? this.#record.renderRecord(this, state) : state ? html`<div class="record-state">${t.recordLoading}</div>` : nothing}
    </details>`;
  }

  async #toggleRecord(m: Of<'TIMRelayElem'>, open: boolean, nested: boolean): Promise<void> {
    if (!open) {
      if (this.records.delete(m.ID)) this.#host.requestUpdate();
      return;
    }
    if (this.records.has(m.ID)) return;
    const state: { items?: MergedMessageItem[]; failed?: boolean } = {};
    this.records.set(m.ID, state);
    this.#host.requestUpdate();
    try {
      this.#record ??= await import('./record.js');
      state.items = await this.#record.recordItems(this.#host, m, nested);
    } catch {
      state.failed = true;
    }
    this.#host.requestUpdate();
  }

  /** The sentence for a group tip. */
  tipText(p: MessagePayloadMap['TIMGroupTipElem']): string {
    const h = this.#host;
    const tips = h.t.chat.tips;
    const who = h.nameOf(p.operatorID);
    const list = new Intl.ListFormat(h.locale, { type: 'conjunction' });
    const names = list.format((p.userIDList ?? []).slice(0, 5).map((id) => h.nameOf(id)));
    const g = p.newGroupProfile ?? {};
    switch (p.operationType) {
      case 1:
        return p.operatorID && !(p.userIDList ?? []).includes(p.operatorID) ? tips.invited(who, names) : tips.joined(names || who);
      case 2:
        return tips.quit(names || who);
      case 3:
        return tips.kicked(who, names);
      case 4:
        return tips.admin(who, names);
      case 5:
        return tips.unadmin(who, names);
      case 6:
        if (g.name !== undefined) return tips.renamed(who, g.name);
        if (g.ownerID) return tips.owner(who, h.nameOf(g.ownerID));
        if (g.muteAllMembers !== undefined) return g.muteAllMembers ? tips.muteAll(who) : tips.unmuteAll(who);
        if (g.notification !== undefined) return tips.notice(who);
        if (g.introduction !== undefined) return tips.intro(who);
        if (g.avatar !== undefined) return tips.avatar(who);
        break;
      case 7: {
        const member = p.memberList?.[0];
        if (member) {
          const name = h.nameOf(member.userID);
          return member.muteTime ? tips.muted(who, name, muteDuration(member.muteTime, h.locale)) : tips.unmuted(who, name);
        }
      }
    }
    return tips.changed(who);
  }
}

/** "10 minutes", "2 hours", "3 days" in the locale. */
function muteDuration(seconds: number, locale: string): string {
  const [value, unit] = seconds >= 86_400 ? [seconds / 86_400, 'day'] : seconds >= 3600 ? [seconds / 3600, 'hour'] : [Math.max(1, seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

export type { TemplateResult };
