/**
 * The friend list's letter groups and index, for names in any script.
 *
 * The choice, and why:
 * - Latin names go under their first letter A–Z, accents and width folded (É → E, Ａ → A).
 * - Chinese names go under the Latin initial of their pinyin (李雷 → L, 王芳 → W), mixed with Latin names,
 *   as Chinese contact lists (WeChat, QQ, the phone's own) do; Chinese users look for 李 under L. The
 *   initial comes from the browser's own pinyin collation (`Intl.Collator('zh-u-co-pinyin')`): a Han
 *   character's initial is the last of 22 boundary characters (the first character of each initial in
 *   pinyin order) it sorts after. No 400 KB pinyin table is shipped; polyphonic surnames take the
 *   collation's reading (曾 → C). Without pinyin collation data, Han names fall back to '#'.
 * - Korean names go under their initial consonant ㄱ ㄴ ㄷ … ㅎ, tense consonants folded into the plain
 *   ones (ㄲ → ㄱ), as Korean phone books do (김민지 → ㄱ, 서연 → ㅅ). The initial is computed from the
 *   Hangul syllable's code point (Unicode's composition formula), so it needs no data.
 * - Everything else (digits, emoji, kana, other scripts) goes under '#', last.
 * Groups are ordered A–Z then ㄱ–ㅎ (ㄱ–ㅎ first when the UI is Korean), then '#'; names inside a group
 * by `Intl.Collator` in the UI's locale (numeric, case- and accent-insensitive first).
 */

export interface FriendGroup<T> {
  /** 'A'–'Z', 'ㄱ'–'ㅎ', or '#'. */
  key: string;
  items: T[];
}

const LATIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The 14 plain initial consonants (tense ones fold into these). */
const HANGUL = 'ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ';
/** The 19 initial consonants in syllable order, each mapped to its plain group. */
const CHOSEONG = 'ㄱㄱㄴㄷㄷㄹㅁㅂㅂㅅㅅㅇㅈㅈㅊㅋㅌㅍㅎ';
/** The first character of each pinyin initial B…Z in pinyin collation order (A is everything before B). */
const PINYIN_BOUNDARIES = '丷嚓咑妸发旮哈丌咔垃呣拏喔妑七呥仨他屲夕丫帀';
const PINYIN_LETTERS = 'BCDEFGHJKLMNOPQRSTWXYZ';

let pinyin: Intl.Collator | null | undefined;
/** The pinyin collator, or null when the browser has no pinyin data (Han then sorts by code point). */
function pinyinCollator(): Intl.Collator | null {
  if (pinyin === undefined) {
    const c = new Intl.Collator('zh-Hans-u-co-pinyin');
    // 阿 (ā) before 八 (bā) in pinyin; after it by code point / radical-stroke.
    pinyin = c.compare('阿', '八') < 0 ? c : null;
  }
  return pinyin;
}

/** The index key of a name: 'A'–'Z', 'ㄱ'–'ㅎ' or '#'. */
export function indexKeyOf(name: string): string {
  const first = [...name.trim()][0] ?? '';
  const code = first.codePointAt(0) ?? 0;
  if (code >= 0xac00 && code <= 0xd7a3) return CHOSEONG[Math.floor((code - 0xac00) / 588)]!;
  if (HANGUL.includes(first)) return first;
  const folded = first.normalize('NFKD').replace(/\p{M}/gu, '').toUpperCase();
  if (folded.length === 1 && LATIN.includes(folded)) return folded;
  if (/\p{Script=Han}/u.test(first)) {
    const c = pinyinCollator();
    if (!c) return '#';
    let letter = 'A';
    for (let i = 0; i < PINYIN_BOUNDARIES.length && c.compare(first, PINYIN_BOUNDARIES[i]!) >= 0; i++) letter = PINYIN_LETTERS[i]!;
    return letter;
  }
  return '#';
}

/** Items grouped under their name's index key, groups and names in the order described above. */
export function groupFriends<T>(items: readonly T[], nameOf: (item: T) => string, locale: string): FriendGroup<T>[] {
  const korean = locale.toLowerCase().startsWith('ko');
  const rank = (key: string) => {
    if (key === '#') return 1000;
    const latin = LATIN.indexOf(key);
    const hangul = HANGUL.indexOf(key);
    return latin >= 0 ? latin + (korean ? 100 : 0) : hangul + (korean ? 0 : 100);
  };
  const tag = locale.toLowerCase().startsWith('zh') && !locale.includes('-u-') ? `${locale}-u-co-pinyin` : locale;
  const collator = new Intl.Collator(tag, { numeric: true, sensitivity: 'base' });
  const groups = new Map<string, Array<{ item: T; name: string }>>();
  for (const item of items) {
    const name = nameOf(item);
    const key = indexKeyOf(name);
    const list = groups.get(key);
    if (list) list.push({ item, name });
    else groups.set(key, [{ item, name }]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([key, list]) => ({ key, items: list.sort((a, b) => collator.compare(a.name, b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((x) => x.item) }));
}
