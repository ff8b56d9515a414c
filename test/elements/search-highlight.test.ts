/**
 * The keyword highlighter of <tim-search>: literal, case-insensitive, Unicode-aware matching (NFKC + case
 * folding) whose matches map back to whole graphemes of the original text, rendered as Lit parts.
 */
import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { fold, highlight, matchRanges, matches, searchTerms } from '../../src/elements/search/highlight.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const hits = (text: string, ...terms: string[]) => matchRanges(text, terms).map(([s, e]) => text.slice(s, e));

describe('search highlight', () => {
  it('finds every occurrence, case-insensitively, as ranges of the original text', () => {
    expect(matchRanges('Sync moved; the SYNC is at 3pm', ['sync'])).to.deep.equal([
      [0, 4],
      [16, 20],
    ]);
    expect(hits('Hello World', 'WORLD')).to.deep.equal(['World']);
    expect(hits('nothing here', 'zebra')).to.deep.equal([]);
    expect(matchRanges('text', [])).to.deep.equal([]);
    expect(matchRanges('', ['a'])).to.deep.equal([]);
  });

  it('merges overlapping and adjacent matches of several terms', () => {
    expect(hits('banana', 'ana')).to.deep.equal(['anana']);
    expect(hits('move the sync to 3pm', 'sync', 'the')).to.deep.equal(['the', 'sync']);
    expect(hits('abcdef', 'abc', 'def')).to.deep.equal(['abcdef']);
  });

  it('normalises with NFKC and folds case, mapping length changes back to the original', () => {
    // Full-width letters, a ligature, sharp s, decomposed accents, a squared CJK sign.
    expect(hits('ＨＥＬＬＯ world', 'hello')).to.deep.equal(['ＨＥＬＬＯ']);
    expect(hits('the ﬁle is here', 'file')).to.deep.equal(['ﬁle']);
    expect(hits('the ﬁle', 'fi')).to.deep.equal(['ﬁ']);
    expect(hits('Straße 5', 'STRASSE')).to.deep.equal(['Straße']);
    expect(hits('Cafe\u0301 au lait', 'café')).to.deep.equal(['Cafe\u0301']);
    expect(hits('café', 'cafe\u0301')).to.deep.equal(['café']);
    expect(hits('令和元年と㍻', '平成')).to.deep.equal(['㍻']);
    expect(fold('ΣΊΣΥΦΟΣ')).to.equal(fold('σίσυφος'));
  });

  it('matches Chinese and Korean, Hangul jamo and syllables alike', () => {
    expect(hits('周末一起去爬山吗？⛰️', '爬山')).to.deep.equal(['爬山']);
    expect(hits('이번 주 스터디 자료 공유할게요', '스터디')).to.deep.equal(['스터디']);
    // U+1112 U+1161 (jamo) is the syllable 하 after NFKC.
    expect(hits('\u1112\u1161세요', '하')).to.deep.equal(['\u1112\u1161']);
    expect(hits('하세요', '\u1112\u1161')).to.deep.equal(['하']);
  });

  it('treats emoji as characters and never splits a grapheme', () => {
    expect(matchRanges('🎉 party 🎉', ['🎉'])).to.deep.equal([
      [0, 2],
      [9, 11],
    ]);
    const family = '👩‍👩‍👧';
    expect(hits(`a ${family} b`, '👩')).to.deep.equal([family]);
    expect(hits('ok 👍🏽 thanks', '👍')).to.deep.equal(['👍🏽']);
  });

  it('takes keywords literally: markup, entities and pattern characters are plain text', () => {
    expect(hits('<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>')).to.deep.equal(['<img src=x onerror=alert(1)>']);
    expect(hits('&lt;b&gt; &amp; friends', '&amp;')).to.deep.equal(['&amp;']);
    expect(hits('& friends', '&amp;')).to.deep.equal([]);
    expect(hits('a.*b', '.*')).to.deep.equal(['.*']);
    expect(hits('abc', '.*')).to.deep.equal([]);
    expect(hits('alert(1)', '(')).to.deep.equal(['(']);
    expect(hits('a+b [c] $d ^e \\f', '[c]', '$d', '\\f')).to.deep.equal(['[c]', '$d', '\\f']);
  });

  it('splits what the user typed into at most five unique words', () => {
    expect(searchTerms('  move   sync ')).to.deep.equal(['move', 'sync']);
    expect(searchTerms('a b c d e f g')).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(searchTerms('x x')).to.deep.equal(['x']);
    expect(searchTerms('   ')).to.deep.equal([]);
    expect(matches('Bob Smith', ['SMITH'])).to.equal(true);
    expect(matches('Bob Smith', ['carol'])).to.equal(false);
  });

  it('renders marks as template parts: hostile text stays text', () => {
    const box = document.createElement('div');
    render(html`${highlight('<img src=x onerror=alert(1)> & <b>bold</b>', ['<img', '<b>'])}`, box);
    expect(box.querySelector('img, b')).to.equal(null);
    expect([...box.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['<img', '<b>']);
    expect(box.querySelector('mark')!.getAttribute('part')).to.equal('match');
    expect(box.textContent).to.equal('<img src=x onerror=alert(1)> & <b>bold</b>');
  });

  it('F18/F19: for tricky keywords and texts the output text is the input text, whole graphemes, never a lone surrogate', () => {
    const texts = [
      'İstanbul ve ıstakoz, DİYARBAKIR',
      '&amp; &lt;b&gt; <b>&</b>',
      'a.*b(c)[d]{e}+?^$|\\',
      'e\u0301te\u0301 Zalgo: Z\u0351\u0352\u0353a\u0354l\u0355g\u0356o',
      '👨‍👩‍👧‍👦 family 🇰🇷 flag 👍🏽 thumbs',
      'عربي 123 עברית abc',
      'Alice\u202Eevil adm\u200Bin',
    ];
    const keywords = ['i', 'İ', 'ı', '&', '&amp;', '<', '.*', '(', 'e\u0301', 'é', '👍', '🏽', '‍', '\u202E', '1', 'ع', 'א'];
    for (const text of texts) {
      for (const keyword of keywords) {
        const box = document.createElement('div');
        render(html`${highlight(text, [keyword])}`, box);
        expect(box.textContent, `${text} / ${keyword}`).to.equal(text);
        for (const mark of box.querySelectorAll('mark')) expect(LONE_SURROGATE.test(mark.textContent!), `${text} / ${keyword}: ${mark.textContent}`).to.equal(false);
        expect(box.querySelector('*:not(mark)')).to.equal(null);
      }
    }
  });

  it('cuts a long text before a late first match, at a grapheme boundary, with an ellipsis', () => {
    const box = document.createElement('div');
    const text = `${'👍🏽'.repeat(40)} the needle is here`;
    render(html`${highlight(text, ['needle'], 20)}`, box);
    const shown = box.textContent!;
    expect(shown.startsWith('…')).to.equal(true);
    expect(shown.endsWith('the needle is here')).to.equal(true);
    expect(shown.length).to.be.lessThan(text.length);
    // Whole emoji with their skin tones: what follows the ellipsis is a sequence of complete graphemes.
    expect(shown.slice(1).replace(/👍🏽/g, '')).to.equal(' the needle is here');
    render(html`${highlight('needle at the start', ['needle'], 20)}`, box);
    expect(box.textContent!.startsWith('needle')).to.equal(true);
  });
});
