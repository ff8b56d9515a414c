/**
 * The message bodies beyond text and images (stickers, files, video, voice, location, merged-forward chat
 * records, custom messages through the renderer registry, group tips), the upload progress bar of a message
 * being sent, and their styles: a chunk of its own, fetched when a conversation opens. Same rules as every
 * body: untrusted data in text bindings, URLs through `safeUrl`.
 */
import { css, html, nothing, provideSourceArea, safeUrl, unreachable } from '../shared/first-screen.js';
import { icon } from '../shared/all-icons.js';
import type {
  MergedMessageItem,
  Message,
  MessagePayloadMap,
} from '../../core/index.js';
import type { formatBytes, formatDateTime, formatDuration } from '../../i18n/index.js';
import bodyStrings from '../../i18n/en/bodies.js';
import type { stripControls } from '../shared/text.js';
import { AudioPlayback } from './audio-playback.js';
import type { MessageRenderer } from '../../context/tim-context.js';
// Types only: what the chunk uses from message-body.ts comes through `bodies` (importing it would make
// message-body a chunk of its own in the initial bundle).
import type { MessageBodies, Of, fitBox } from './message-body.js';

/**
 * What the chunk takes from the kit's initial bundle, handed over by the bodies when they load it (each
 * module of that bundle a lazy chunk imports splits the bundle into more, less compressible chunks).
 */
export interface RichKit {
  fitBox: typeof fitBox;
  formatBytes: typeof formatBytes;
  formatDateTime: typeof formatDateTime;
  formatDuration: typeof formatDuration;
  stripControls: typeof stripControls;
}

let kit: RichKit;

/** Takes what the chunk needs from the initial bundle (once), and adds its styles to a chat's shadow root
 *  (before the first render there). */
export function attachRichBodies(given: RichKit, root: ShadowRoot): void {
  kit ??= given;
  provideSourceArea('bodies', bodyStrings);
  if (richStyles.styleSheet && !root.adoptedStyleSheets.includes(richStyles.styleSheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, richStyles.styleSheet];
  }
}

export function render(bodies: MessageBodies, m: Message, nested: boolean): unknown {
  switch (m.type) {
    case 'TIMFaceElem':
      return face(bodies, m as Of<'TIMFaceElem'>);
    case 'TIMVideoFileElem':
      return video(bodies, m as Of<'TIMVideoFileElem'>);
    case 'TIMSoundElem':
      return sound(bodies, m as Of<'TIMSoundElem'>);
    case 'TIMLocationElem':
      return location(bodies, m as Of<'TIMLocationElem'>);
    case 'TIMRelayElem':
      return relay(bodies, m as Of<'TIMRelayElem'>, nested);
    case 'TIMFileElem':
      return file(bodies, m as Of<'TIMFileElem'>);
    case 'TIMCustomElem':
      return custom(bodies, m as Of<'TIMCustomElem'>);
    case 'TIMGroupTipElem':
      return tipText(bodies, m.payload);
    case 'TIMGroupSystemNoticeElem':
      return bodies.host.t.bodies.tips.system;
  }
  return nothing;
}

/** The upload progress bar of a message being sent (nothing otherwise). */
export function uploadProgress(bodies: MessageBodies, m: Message) {
  const p = m.status === 'unSend' ? bodies.host.progress(m.ID) : undefined;
  if (p === undefined) return nothing;
  const percent = new Intl.NumberFormat(bodies.host.locale, { style: 'percent' }).format(p);
  return html`<progress class="upload" max="1" .value=${p} aria-label=${bodies.host.t.bodies.uploading(percent)}></progress>`;
}

/** The drawings of the stickers: a chunk of their own, fetched when the first sticker shows. */
let stickers: typeof import('./stickers.js') | undefined;
let stickersLoading: Promise<void> | undefined;
/** Their chunk could not be fetched (the chat that asked first told its host): stickers say so, until a reload. */
let stickersFailed = false;

function face(bodies: MessageBodies, m: Of<'TIMFaceElem'>) {
  const t = bodies.host.t;
  if (!stickers) {
    if (stickersFailed) return bodies.unshown();
    stickersLoading ??= import('./stickers.js').catch(unreachable).then(
      (mod) => {
        provideSourceArea('stickers', mod.stickerNames);
        stickers = mod;
      },
      (error: unknown) => {
        stickersFailed = true;
        bodies.host.report(error, 'showMessage');
      },
    );
    void stickersLoading.then(() => bodies.host.chat.requestUpdate());
    return bodies.placeholder(m);
  }
  const sticker = stickers.stickerFor(m.payload);
  if (!sticker) return html`<span class="text">${t.common.preview.sticker}</span>`;
  return html`<svg class="sticker" viewBox="0 0 64 64" role="img" aria-label=${t.stickers[sticker.key]}>${sticker.draw}</svg>`;
}

function file(bodies: MessageBodies, m: Of<'TIMFileElem'>) {
  const p = m.payload;
  const name = kit.stripControls(p.fileName) || bodies.host.t.common.preview.file('');
  const href = safeUrl(p.fileUrl, bodies.host.schemes);
  return html`<div class="file">
    <span class="file-icon">${icon('file')}</span>
    <span class="file-text">
      <bdi class="file-name" title=${name}>${name}</bdi>
      <span class="file-size">${kit.formatBytes(p.fileSize, bodies.host.locale)}</span>
      ${uploadProgress(bodies, m)}
    </span>
    ${href && m.status !== 'unSend'
      ? html`<a class="icon-button" href=${href} download=${name} target="_blank" rel="noopener noreferrer" aria-label=${bodies.host.t.bodies.download(name)}>${icon('download')}</a>`
      : nothing}
  </div>`;
}

const customData = new WeakMap<object, unknown>();

/** The registered renderer of a custom message (by the `businessID` of its data JSON) and the data. */
export function customRenderer(m: Of<'TIMCustomElem'>, renderers: Readonly<Record<string, MessageRenderer>>): [MessageRenderer, Record<string, unknown>] | undefined {
  if (!customData.has(m.payload)) {
    let data: unknown;
    try {
      data = JSON.parse(m.payload.data);
    } catch {
      /* not JSON: no renderer */
    }
    customData.set(m.payload, data);
  }
  const data = customData.get(m.payload);
  const id = data && typeof data === 'object' ? (data as { businessID?: unknown }).businessID : undefined;
  const renderer = typeof id === 'string' && Object.hasOwn(renderers, id) ? renderers[id] : undefined;
  return renderer && [renderer, data as Record<string, unknown>];
}

const warned = new WeakSet<object>();

function custom(bodies: MessageBodies, m: Of<'TIMCustomElem'>) {
  const found = customRenderer(m, bodies.host.renderers);
  if (found) {
    const [renderer, data] = found;
    try {
      const out = renderer(m, data);
      if (out != null && out !== nothing) return html`<div class="custom">${out}</div>`;
    } catch (error) {
      if (!warned.has(renderer)) console.warn(`tim-chat: the renderer for "${String(data.businessID)}" failed; showing the description`, error);
      warned.add(renderer);
    }
  }
  return html`<div class="text" dir="auto">${m.payload.description || bodies.host.t.bodies.unsupported}</div>`;
}

/** The sentence for a group tip. */
function tipText(bodies: MessageBodies, p: MessagePayloadMap['TIMGroupTipElem']): string {
  const h = bodies.host;
  const tips = h.t.bodies.tips;
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

/** "10 minutes", "2 hours", "3 days" in the locale. */
function muteDuration(seconds: number, locale: string): string {
  const [value, unit] = seconds >= 86_400 ? [seconds / 86_400, 'day'] : seconds >= 3600 ? [seconds / 3600, 'hour'] : [Math.max(1, seconds / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}

function video(bodies: MessageBodies, m: Of<'TIMVideoFileElem'>) {
  const { t, schemes } = bodies.host;
  const p = m.payload;
  const src = safeUrl(p.videoUrl, schemes);
  const poster = safeUrl(p.thumbUrl, schemes);
  const size = kit.fitBox(p.thumbWidth, p.thumbHeight, true);
  // Started once, the <video> stays: the row is keyed, so other messages changing never remount it.
  if (src && bodies.playing.has(m.ID)) {
    return html`<div class="media"><video src=${src} poster=${poster ?? nothing} width=${size.width} height=${size.height} controls autoplay playsinline preload="metadata"></video></div>`;
  }
  return html`<div class="media">
    <button class="media-button video" ?disabled=${!src} @click=${() => (bodies.playing.add(m.ID), bodies.host.chat.requestUpdate())}>
      <span class="visually-hidden">${src ? t.bodies.playVideo : t.bodies.unavailable}</span>
      ${poster
        ? html`<img src=${poster} alt="" width=${size.width} height=${size.height} loading="lazy" decoding="async" referrerpolicy="no-referrer" />`
        : html`<svg class="placeholder" width=${size.width} height=${size.height} aria-hidden="true"></svg>`}
      <span class="play-badge">${icon('play')}</span>
      <span class="duration">${kit.formatDuration(p.videoSecond)}</span>
    </button>
    ${uploadProgress(bodies, m)}
  </div>`;
}

function sound(bodies: MessageBodies, m: Of<'TIMSoundElem'>) {
  const { t, schemes } = bodies.host;
  const audio = (bodies.audio ??= new AudioPlayback(() => bodies.host.chat.requestUpdate()));
  const src = safeUrl(m.payload.url, schemes);
  const current = audio.id === m.ID;
  const playing = current && audio.playing;
  const duration = (current && audio.duration) || m.payload.second;
  return html`<div class="sound">
    <button class="round" ?disabled=${!src} aria-label=${playing ? t.bodies.pause : t.bodies.play} @click=${() => src && audio.toggle(m.ID, src)}>
      ${icon(playing ? 'pause' : 'play')}
    </button>
    <progress max=${duration || 1} .value=${current ? audio.time : 0} aria-label=${t.bodies.voice}></progress>
    <span class="duration">${kit.formatDuration(current && audio.time ? audio.time : duration)}</span>
  </div>`;
}

function location(bodies: MessageBodies, m: Of<'TIMLocationElem'>) {
  const { t, locale } = bodies.host;
  const p = m.payload;
  const ok = Number.isFinite(p.latitude) && Number.isFinite(p.longitude) && Math.abs(p.latitude) <= 90 && Math.abs(p.longitude) <= 180;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 5 });
  const href = ok ? safeUrl(bodies.host.chat.mapUrl.replaceAll('{lat}', String(p.latitude)).replaceAll('{lon}', String(p.longitude)), bodies.host.schemes) : null;
  return html`<div class="file">
    <span class="file-icon">${icon('location')}</span>
    <span class="file-text">
      <bdi class="file-name" dir="auto">${p.description || t.bodies.location}</bdi>
      ${ok ? html`<span class="file-size">${n.format(p.latitude)}, ${n.format(p.longitude)}</span>` : nothing}
      ${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${t.bodies.openMap}</a>` : nothing}
    </span>
  </div>`;
}

function relay(bodies: MessageBodies, m: Of<'TIMRelayElem'>, nested: boolean) {
  const t = bodies.host.t.bodies;
  const p = m.payload;
  const state = bodies.records.get(m.ID);
  return html`<details class="record" ?open=${!!state} @toggle=${(e: Event) => toggleRecord(bodies, m, (e.target as HTMLDetailsElement).open, nested)}>
    <summary>
      <bdi class="record-title" dir="auto">${p.title || t.chatRecord}</bdi>
      ${(p.abstractList ?? []).slice(0, 4).map((line) => html`<span class="abstract" dir="auto">${line}</span>`)}
      <span class="record-label">${t.chatRecord}</span>
    </summary>
    ${state ? renderRecord(bodies, state) : nothing}
  </details>`;
}

async function toggleRecord(bodies: MessageBodies, m: Of<'TIMRelayElem'>, open: boolean, nested: boolean): Promise<void> {
  const host = bodies.host;
  if (!open) {
    if (bodies.records.delete(m.ID)) host.chat.requestUpdate();
    return;
  }
  if (bodies.records.has(m.ID)) return;
  const state: { items?: MergedMessageItem[]; failed?: boolean } = {};
  bodies.records.set(m.ID, state);
  host.chat.requestUpdate();
  try {
    const p = m.payload;
    // An uploaded body is fetched; records nested in a record carry theirs inline.
    state.items = p.messageList?.length || !p.downloadKey || nested ? (p.messageList ?? []) : ((await host.chat.store?.downloadMergerMessage(m.ID)) ?? []);
  } catch {
    state.failed = true;
  }
  host.chat.requestUpdate();
}

/** A forwarded item as a message the bodies can render. */
function asMessage(item: MergedMessageItem, index: number, body: MergedMessageItem['messageBody'][number]): Message {
  return {
    ID: `${item.ID}:${index}`,
    from: item.from,
    nick: item.nick,
    avatar: item.avatar,
    time: item.time,
    flow: 'in',
    status: 'success',
    isRevoked: false,
    cloudCustomData: item.cloudCustomData,
    type: body.type,
    payload: body.payload,
  } as Message;
}

function renderRecord(bodies: MessageBodies, state: { items?: MergedMessageItem[]; failed?: boolean }) {
  const { t, locale } = bodies.host;
  if (state.failed) return html`<div class="record-state" role="alert">${t.bodies.recordFailed}</div>`;
  if (!state.items) return html`<div class="record-state" role="status">${t.bodies.recordLoading}</div>`;
  return html`<ol class="record-list">
    ${state.items.map(
      (item) => html`<li class="record-item">
        <tim-avatar src=${item.avatar} name=${kit.stripControls(item.nick || item.from)} seed=${item.from}></tim-avatar>
        <div class="record-main">
          <div class="record-meta"><bdi>${kit.stripControls(item.nick || item.from)}</bdi> <time>${kit.formatDateTime(item.time, locale)}</time></div>
          ${(item.messageBody ?? []).map((body, i) => html`<div class="record-body">${bodies.render(asMessage(item, i, body), true)}</div>`)}
        </div>
      </li>`,
    )}
  </ol>`;
}

export const richStyles = css`
progress{accent-color:currentColor;block-size:4px;inline-size:100%}
/* Over a picture or video the bar takes the accent: the text colour may vanish against the image. */
.upload{position:absolute;inset-inline:var(--tim-space-2);inset-block-end:var(--tim-space-2);inline-size:auto;accent-color:var(--tim-color-accent)}
.duration{font-size:var(--tim-font-size-xs);font-variant-numeric:tabular-nums;white-space:nowrap;unicode-bidi:plaintext}
.file .upload{position:static;accent-color:currentColor}
.file{display:flex;align-items:center;gap:var(--tim-space-3);min-inline-size:12rem}
.file-icon{flex:none;display:grid;place-items:center;inline-size:2.5rem;block-size:2.5rem;border-radius:var(--tim-radius-s);background:rgb(127 127 127 / .18)}
.file-icon svg{inline-size:1.3rem;block-size:1.3rem}
.file-text{display:grid;min-inline-size:0;flex:1}
.file-name{font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;unicode-bidi:isolate}
.file-size{unicode-bidi:plaintext;font-size:var(--tim-font-size-xs);opacity:.8}
.file .icon-button,.own .file-size{color:inherit}
/* On the own bubble's colour, dimmed text would fall below a readable contrast. */
.own :is(.file-size,.abstract,.record-label,.record-meta){opacity:1}
.custom{display:block}
.play-badge{position:absolute;inset:0;margin:auto;inline-size:3rem;block-size:3rem;display:grid;place-items:center;border-radius:50%;background:rgb(0 0 0 / .55);color:#fff}
.play-badge svg{inline-size:1.3rem;block-size:1.3rem;margin-inline-start:3px}
.video .duration{position:absolute;inset-block-end:var(--tim-space-1);inset-inline-end:var(--tim-space-2);color:#fff;background:rgb(0 0 0 / .55);border-radius:var(--tim-radius-s);padding:0 var(--tim-space-1);line-height:1.5}
.sound{display:flex;align-items:center;gap:var(--tim-space-2);min-inline-size:12rem}
.round{flex:none;display:grid;place-items:center;inline-size:2.25rem;block-size:2.25rem;border-radius:50%;background:rgb(127 127 127 / .22)}
.record{min-inline-size:14rem;max-inline-size:22rem}
.record summary{display:grid;gap:2px;cursor:pointer;list-style:none}
.record summary::-webkit-details-marker{display:none}
.record-title{font-weight:600;unicode-bidi:isolate}
.abstract{font-size:var(--tim-font-size-s);opacity:.85;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.record-label{font-size:var(--tim-font-size-xs);opacity:.7;border-block-start:1px solid rgb(127 127 127 / .35);padding-block-start:var(--tim-space-1);margin-block-start:var(--tim-space-1)}
.record-state{font-size:var(--tim-font-size-s);padding-block:var(--tim-space-2)}
.record-list{list-style:none;margin:var(--tim-space-2) 0 0;padding:0;display:grid;gap:var(--tim-space-3)}
.record-item{display:flex;gap:var(--tim-space-2);--tim-avatar-size:1.75rem}
.record-main{min-inline-size:0;flex:1}
.record-meta{font-size:var(--tim-font-size-xs);opacity:.8}
`;
