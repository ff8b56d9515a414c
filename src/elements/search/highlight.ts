// lit itself, not first-screen.ts: this module is public (`tim-elements/search` re-exports it), so a host's first
// screen may reach it, and through first-screen.ts it would take into that first screen every module the
// lazy chunks share.
import { html } from 'lit';

/**
 * Keyword highlighting for search results. Matching is literal (no pattern syntax: `.*`, `(`, `<img …>`,
 * `&amp;` are characters), case-insensitive and Unicode-aware: both sides are NFKC-normalised and case
 * folded, so full-width `ＡＢＣ` matches `abc`, `ß` matches `SS`, `ﬁ` matches `fi`, a decomposed `é`
 * matches a composed one, and Hangul jamo match syllables.
 *
 * Folding can change lengths (`ß` → `ss`, `ﬁ` → `fi`, `㍻` → `平成`), so the text is folded one grapheme
 * at a time and each folded unit remembers its grapheme: a match found in the folded text maps back to
 * whole graphemes of the original text. A match never splits an emoji, a combining sequence or a syllable.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** NFKC, then full case folding (approximated by upper- then lower-casing: `ß` → `ss`, `ς` → `σ`). */
export const fold = (text: string): string => text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');

/** The search terms of what the user typed: words split on white space, at most 5 (the service's limit). */
export function searchTerms(keyword: string): string[] {
  return [...new Set(keyword.trim().split(/\s+/u).filter(Boolean))].slice(0, 5);
}

interface Analysis {
  /** [start, end) ranges of the original text, in UTF-16 units, sorted and merged. */
  ranges: Array<[number, number]>;
  /** Start offset of each grapheme, then the text's length. */
  bounds: number[];
}

function analyse(text: string, terms: readonly string[]): Analysis {
  const needles = [...new Set(terms.map(fold))].filter(Boolean);
  const bounds: number[] = [];
  if (!text || !needles.length) return { ranges: [], bounds };
  let folded = '';
  /** Grapheme index of each folded UTF-16 unit. */
  const owner: number[] = [];
  let offset = 0;
  for (const { segment } of segmenter.segment(text)) {
    const g = bounds.push(offset) - 1;
    offset += segment.length;
    const f = fold(segment);
    folded += f;
    for (let k = 0; k < f.length; k++) owner.push(g);
  }
  bounds.push(text.length);
  const marked = new Uint8Array(bounds.length);
  for (const needle of needles)
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1))
      for (let g = owner[at]!, last = owner[at + needle.length - 1]!; g <= last; g++) marked[g] = 1;
  const ranges: Array<[number, number]> = [];
  for (let g = 0; g < bounds.length - 1; g++) {
    if (!marked[g]) continue;
    const previous = ranges[ranges.length - 1];
    if (previous && previous[1] === bounds[g]) previous[1] = bounds[g + 1]!;
    else ranges.push([bounds[g]!, bounds[g + 1]!]);
  }
  return { ranges, bounds };
}

/** Where any of `terms` occurs in `text`: sorted, merged [start, end) ranges of the original text. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  return analyse(text, terms).ranges;
}

/** True when any of `terms` occurs in `text` (same matching as `matchRanges`). */
export function matches(text: string, terms: readonly string[]): boolean {
  const haystack = fold(text);
  return terms.some((t) => {
    const needle = fold(t);
    return !!needle && haystack.includes(needle);
  });
}

/**
 * `text` with every match in `<mark part="match">`, as Lit template parts (text bindings only, never HTML).
 * With `lead`, a text whose first match starts later than `lead` units is cut before it (at a grapheme
 * boundary, with an ellipsis), so a one-line snippet shows the match.
 */
export function highlight(text: string, terms: readonly string[], lead = Infinity) {
  const { ranges, bounds } = analyse(text, terms);
  let from = 0;
  const first = ranges[0];
  if (first && first[0] > lead) {
    for (const b of bounds) {
      if (b > first[0] - lead / 2) break;
      from = b;
    }
  }
  const out: unknown[] = from ? ['…'] : [];
  let at = from;
  for (const [start, end] of ranges) {
    if (start > at) out.push(text.slice(at, start));
    out.push(html`<mark part="match">${text.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
