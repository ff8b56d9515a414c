/** The history's row model: day dividers, runs of one sender, the unread separator, where unread starts. */
import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import type { Message } from '../../src/index.js';
import { buildRows, firstUnread } from '../../src/elements/chat/rows.js';

const day = 86_400;
const t0 = Math.floor(new Date(2026, 0, 10, 12).getTime() / 1000);
const msg = (ID: string, from: string, time: number, extra: Partial<Message> = {}): Message =>
  ({ ID, from, time, flow: from === 'me' ? 'out' : 'in', isRead: false, isRevoked: false, type: 'TIMTextElem', payload: { text: ID }, ...extra }) as Message;

describe('chat rows', () => {
  it('puts a divider before each day, groups a sender within five minutes, and breaks runs at notices and the separator', () => {
    const list = [
      msg('a', 'bob', t0),
      msg('b', 'bob', t0 + 60),
      msg('c', 'bob', t0 + 60 + 301),
      msg('d', 'bob', t0 + 400, { isRevoked: true }),
      msg('e', 'bob', t0 + 420),
      msg('f', 'bob', t0 + 430),
      msg('g', 'bob', t0 + day),
    ];
    const rows = buildRows(list, 'f');
    expect(rows.map((r) => (r.kind === 'message' ? `${r.key}${r.first ? '<' : ''}${r.last ? '>' : ''}` : r.kind))).to.deep.equal([
      'edge', 'day', 'a<', 'b>', 'c<>', 'd<>', 'e<>', 'unread', 'f<>', 'day', 'g<>',
    ]);
  });

  it('keeps row objects whose message and place did not change', () => {
    const list = [msg('a', 'bob', t0), msg('b', 'bob', t0 + 10)];
    const first = buildRows(list, '');
    const again = buildRows([...list, msg('c', 'me', t0 + 20)], '', first);
    expect(again[2]).to.equal(first[2]);
    expect(again[3], 'b stays last of its run: kept').to.equal(first[3]);
    const moved = buildRows([...list, msg('c', 'bob', t0 + 20)], '', first);
    expect(moved[3], 'b is no longer last: a new row').to.not.equal(first[3]);
  });

  it('finds the first unread message from the unread count, stopping at one already read', () => {
    const list = [msg('a', 'bob', t0, { isRead: true }), msg('b', 'bob', t0 + 1), msg('c', 'me', t0 + 2), msg('d', 'bob', t0 + 3)];
    expect(firstUnread(list, 2, false)).to.equal('b');
    expect(firstUnread(list, 1, false)).to.equal('d');
    expect(firstUnread(list, 5, false), 'stops at the read one').to.equal('b');
    expect(firstUnread(list.slice(1), 5, false), 'needs an older page').to.equal('');
    expect(firstUnread(list.slice(1), 5, true), 'no older page: the oldest unread').to.equal('b');
    expect(firstUnread(list, 0, true)).to.equal(null);
  });
});
