import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import { newMessageRecord } from '../../src/core/local/server/send.js';
import { SearchIndex } from '../../src/core/local/search-index.js';

const record = (i: number, text: string, extra: object = {}) =>
  Object.assign(newMessageRecord(`m${i}`, i % 10 ? 'c2c:alice|bob' : 'group:g', i % 3 ? 'alice' : 'bob', 'bob', 'TIMTextElem', { text }), { seq: i + 1, time: 1000 + i, ms: 1_000_000 + i }, extra);
const query = (keywords: string[], all = true) => ({ keywords, all, from: 0, until: Infinity });

describe('SearchIndex', () => {
  it('answers a query over 100,000 messages in a few milliseconds', () => {
    const index = new SearchIndex();
    const words = ['alpha', 'beta', 'gamma', '你好世界', '안녕하세요', 'emoji 😀', 'delta'];
    const texts = Array.from({ length: 100_000 }, (_, i) => `${words[i % words.length]} message ${i}${i === 54_321 ? ' needle' : ''}`);
    const built = performance.now();
    texts.forEach((text, i) => index.put(record(i, text)));
    const buildMs = performance.now() - built;
    const median = (run: () => unknown) => {
      const times = Array.from({ length: 5 }, () => {
        const t = performance.now();
        run();
        return performance.now() - t;
      });
      return times.sort((a, b) => a - b)[2]!;
    };
    const timings: string[] = [];
    for (const keyword of ['needle', 'message 99999', '你好世界 message 7', '안녕', '😀']) {
      const result = index.query(query([keyword]));
      expect(result.length, keyword).to.be.above(0);
      expect(result.length, keyword).to.equal(texts.filter((text) => text.includes(keyword)).length);
      const indexed = median(() => index.query(query([keyword])));
      const scanned = median(() => texts.filter((text) => text.normalize('NFKC').toLowerCase().includes(keyword)));
      timings.push(`${keyword}: ${indexed.toFixed(2)} ms (scan ${scanned.toFixed(1)} ms)`);
      // Machine speed varies (CI under load): compare with a plain scan of the same texts, same moment.
      if (result.length < 10) expect(indexed, keyword).to.be.below(scanned / 5);
    }
    console.log(`SearchIndex 100k: build ${Math.round(buildMs)} ms; ${timings.join('; ')}`);
  });

  it('matches literally, newest first, with all/any and filters', () => {
    const index = new SearchIndex();
    const texts = ['<img src=x onerror=alert(1)>', 'Tom &amp; Jerry', 'regex .* (paren', 'ＨＥＬＬＯ world', 'hello there'];
    texts.forEach((text, i) => index.put(record(i, text)));
    const ids = (keywords: string[], all = true) => index.query(query(keywords, all)).map((d) => d.ID);
    expect(ids(['hello'])).to.deep.equal(['m4', 'm3']);
    expect(ids(['.*'])).to.deep.equal(['m2']);
    expect(ids(['&amp;'])).to.deep.equal(['m1']);
    expect(ids(['<img'])).to.deep.equal(['m0']);
    expect(ids(['hello', 'world'])).to.deep.equal(['m3']);
    expect(ids(['jerry', 'paren'], false)).to.deep.equal(['m2', 'm1']);
    expect(index.query({ ...query(['hello']), senders: ['bob'] }).map((d) => d.ID)).to.deep.equal(['m3']);
    expect(index.query({ ...query(['hello']), from: 1004 }).map((d) => d.ID)).to.deep.equal(['m4']);
  });

  it('never resurrects a removed message from an older snapshot', () => {
    const index = new SearchIndex();
    const live = record(1, 'secret plan', { v: 2, isRevoked: true });
    index.put(live);
    index.put(record(1, 'secret plan'));
    expect(index.query(query(['secret']))).to.deep.equal([]);
    index.put(record(2, 'deleted for me'));
    index.remove('m2');
    index.put(record(2, 'deleted for me', { v: 5 }));
    expect(index.query(query(['deleted']))).to.deep.equal([]);
    index.put(record(3, 'first version'));
    index.put(record(3, 'second version', { v: 2 }));
    expect(index.query(query(['version'])).map((d) => d.text)).to.deep.equal(['second version']);
  });
});
