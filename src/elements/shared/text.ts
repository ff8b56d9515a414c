/**
 * Text helpers for untrusted names and previews: grapheme-safe truncation (never cuts an emoji or a
 * combining sequence) and the removal of invisible direction and zero-width controls from names, which are
 * used to spoof (reliability F19). Bodies keep them; names, IDs and file names do not.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** At most `max` graphemes, with an ellipsis when cut. */
export function truncateGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  const parts = graphemes(text);
  return parts.length <= max ? text : `${parts.slice(0, max).join('')}…`;
}

/** The first grapheme, upper-cased (an avatar's initial). */
export function initialOf(name: string): string {
  const first = graphemes(stripControls(name).trim())[0] ?? '?';
  return first.toLocaleUpperCase();
}

// U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF, and C0/C1 controls but tab/newline.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** A name or file name without invisible direction/zero-width controls. */
export function stripControls(text: string): string {
  return text.replace(CONTROLS, '');
}

/** A stable hue (0–359) for a string, for generated avatar colours. */
export function hueOf(seed: string): number {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return Math.abs(h) % 360;
}
