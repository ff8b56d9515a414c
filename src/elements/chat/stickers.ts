/**
 * The kit's bundled sticker set: twelve small vector stickers drawn for this kit (no bitmaps, no data:
 * URLs, no network). A face message (`TIMFaceElem`) names its sticker by `data` (the sticker's key, also
 * matched ignoring case and punctuation: `thumbs_up`, `[ThumbsUp]`, `tim:thumbsUp`) and/or `index` (its position in `STICKERS`); both ends of a chat
 * map them to the same picture. Loaded lazily, on the first face message shown (and by a sticker picker).
 */
import { svg, type SVGTemplateResult } from '../shared/first-screen.js';
import type { FacePayload } from '../../core/index.js';
import stickerNames from '../../i18n/en/stickers.js';

/**
 * The stickers' names (the `stickers` strings area): provided by whoever loads this module (the composer,
 * which shows them before this module loads, and the rich bodies).
 */
export { stickerNames };

export type StickerKey = 'smile' | 'laugh' | 'love' | 'wink' | 'cool' | 'surprised' | 'sad' | 'angry' | 'thumbsUp' | 'heart' | 'party' | 'thanks';

export interface Sticker {
  key: StickerKey;
  /** 64×64 drawing. */
  draw: SVGTemplateResult;
}

const INK = '#5b3a1a';
const face = (fill = '#ffcc4d') => svg`<circle cx="32" cy="32" r="28" fill=${fill} stroke="#e0a526" stroke-width="2"/>`;
const eyes = svg`<ellipse cx="23" cy="26" rx="3" ry="4.5" fill=${INK}/><ellipse cx="41" cy="26" rx="3" ry="4.5" fill=${INK}/>`;
const line = (d: string, color = INK, width = 3.5) => svg`<path d=${d} fill="none" stroke=${color} stroke-width=${width} stroke-linecap="round"/>`;
const smile = line('M20 38q12 12 24 0');
const blush = svg`<circle cx="17" cy="36" r="4" fill="#ff8a80" opacity=".6"/><circle cx="47" cy="36" r="4" fill="#ff8a80" opacity=".6"/>`;
const heartPath = (x: number, y: number, s: number, fill = '#e53950') =>
  svg`<path transform="translate(${x} ${y}) scale(${s})" d="M0 6C-6 1-9-2-9-5a4.5 4.5 0 0 1 9-1 4.5 4.5 0 0 1 9 1c0 3-3 6-9 11z" fill=${fill}/>`;

export const STICKERS: readonly Sticker[] = [
  { key: 'smile', draw: svg`${face()}${eyes}${smile}` },
  {
    key: 'laugh',
    draw: svg`${face()}${line('M18 27q5-6 10 0M36 27q5-6 10 0')}<path d="M17 36h30q-2 16-15 16T17 36z" fill=${INK}/><path d="M24 47q8-6 16 0q-8 5-16 0z" fill="#ff7a7a"/>`,
  },
  { key: 'love', draw: svg`${face()}${heartPath(23, 23, 0.9)}${heartPath(41, 23, 0.9)}${smile}` },
  { key: 'wink', draw: svg`${face()}<ellipse cx="23" cy="26" rx="3" ry="4.5" fill=${INK}/>${line('M37 27q4-4 8 0')}${smile}${blush}` },
  {
    key: 'cool',
    draw: svg`${face()}<path d="M12 23h40v3h-3l-2 7q-1 3-5 3h-5q-4 0-5-4l-1-3h-2l-1 3q-1 4-5 4h-5q-4 0-5-3l-2-7h-3z" fill="#263238"/>${line('M24 43q9 6 18-1')}`,
  },
  { key: 'surprised', draw: svg`${face()}<circle cx="23" cy="25" r="4.5" fill=${INK}/><circle cx="41" cy="25" r="4.5" fill=${INK}/><ellipse cx="32" cy="43" rx="6" ry="7.5" fill=${INK}/>` },
  { key: 'sad', draw: svg`${face()}${eyes}${line('M22 46q10-9 20 0')}<path d="M44 32q4 7 0 9q-4-2 0-9z" fill="#4fc3f7"/>` },
  {
    key: 'angry',
    draw: svg`${face('#ff8a65')}${line('M17 20l10 5M47 20l-10 5')}<ellipse cx="23" cy="29" rx="3" ry="3.5" fill=${INK}/><ellipse cx="41" cy="29" rx="3" ry="3.5" fill=${INK}/>${line('M22 46q10-7 20 0')}`,
  },
  {
    key: 'thumbsUp',
    draw: svg`<circle cx="32" cy="32" r="28" fill="#64b5f6"/><path d="M20 30h7v20h-7zM29 30l7-12q4-3 5 2l-2 8h9q4 0 3 5l-3 13q-1 4-5 4H29z" fill="#fff" stroke="#1e88e5" stroke-width="2" stroke-linejoin="round"/>`,
  },
  { key: 'heart', draw: svg`${heartPath(32, 24, 2.6)}<path d="M20 18q3-4 7-3" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" opacity=".7"/>` },
  {
    key: 'party',
    draw: svg`<path d="M10 56l12-34 20 20z" fill="#ffb300" stroke="#e65100" stroke-width="2" stroke-linejoin="round"/>${line('M14 46l8 4M18 34l14 10', '#e65100', 2.5)}<circle cx="44" cy="14" r="3.5" fill="#e53950"/><circle cx="54" cy="28" r="3" fill="#43a047"/><circle cx="36" cy="8" r="2.5" fill="#1e88e5"/><path d="M46 24l8-8M40 20l2-10M48 34l10-2" stroke="#8e24aa" stroke-width="3" stroke-linecap="round"/>`,
  },
  {
    key: 'thanks',
    draw: svg`${face()}${line('M18 27q5-5 10 0M36 27q5-5 10 0')}${smile}${blush}${heartPath(52, 10, 0.8)}`,
  },
];

/** The sticker a face message names (by `data`, else by `index`), or undefined when this set has none. */
export function stickerFor(payload: Partial<FacePayload>): Sticker | undefined {
  const norm = (key: string) => key.toLowerCase().replace(/^tim:|[^a-z\d]/g, '');
  const data = norm(String(payload.data ?? ''));
  // A `data` names one sticker; a foreign key is not guessed from its index.
  if (data) return STICKERS.find((s) => norm(s.key) === data);
  return Number.isInteger(payload.index) ? STICKERS[payload.index as number] : undefined;
}
