import '../helpers/readable-failures.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { compareMessages, type Message } from '../../src/core/index.js';
import {
  emptyWindow,
  mergeMessages,
  newerVersion,
  withLive,
  withPage,
  withRevoked,
  withUpdates,
  withoutMessages,
} from '../../src/store/index.js';
import type { MessageWindow } from '../../src/store/index.js';

const CONV = 'C2Cbob' as const;

function message(id: string, patch: Partial<Message> = {}): Message {
  return {
    ID: id,
    conversationID: CONV,
    conversationType: 'C2C',
    from: 'bob',
    to: 'alice',
    flow: 'in',
    time: 1000,
    sequence: 1,
    status: 'success',
    isPeerRead: false,
    isRead: false,
    isRevoked: false,
    isDeleted: false,
    isModified: false,
    nick: 'Bob',
    avatar: '',
    nameCard: '',
    atUserList: [],
    cloudCustomData: '',
    needReadReceipt: false,
    type: 'TIMTextElem',
    payload: { text: `text ${id}` },
    ...patch,
  } as Message;
}

/** A server history: n messages with increasing sequences, some sharing a second. */
const history = (n: number) =>
  Array.from({ length: n }, (_, i) => message(`m${i}`, { sequence: i + 1, time: 1000 + Math.floor(i / 3), from: i % 2 ? 'bob' : 'alice', flow: i % 2 ? 'in' : 'out' }));

type Op =
  | { kind: 'deliver'; index: number }
  | { kind: 'page'; start: number; size: number }
  | { kind: 'revoke'; index: number }
  | { kind: 'read'; index: number };

const opArb = (n: number): fc.Arbitrary<Op> =>
  fc.oneof(
    fc.record({ kind: fc.constant('deliver' as const), index: fc.nat(n - 1) }),
    fc.record({ kind: fc.constant('page' as const), start: fc.nat(n - 1), size: fc.integer({ min: 1, max: 6 }) }),
    fc.record({ kind: fc.constant('revoke' as const), index: fc.nat(n - 1) }),
    fc.record({ kind: fc.constant('read' as const), index: fc.nat(n - 1) }),
  );

function apply(window: MessageWindow, op: Op, all: Message[]): MessageWindow {
  switch (op.kind) {
    case 'deliver':
      return withLive(window, [all[op.index]!]);
    case 'page':
      return withPage(window, { messageList: all.slice(op.start, op.start + op.size), nextReqMessageID: all[op.start]!.ID, isCompleted: op.start === 0 }, 'older');
    case 'revoke':
      return withRevoked(withLive(window, [all[op.index]!]), [{ ID: all[op.index]!.ID }]);
    case 'read':
      return withUpdates(withLive(window, [all[op.index]!]), [{ ...all[op.index]!, isRead: true, isPeerRead: true } as Message]);
  }
}

const ready = (): MessageWindow => ({ ...emptyWindow(CONV), status: 'ready' });

describe('message window reducers (properties)', () => {
  const N = 12;
  const all = history(N);

  it('length equals the number of unique IDs, and the order is sorted and total, for any interleaving', () => {
    fc.assert(
      fc.property(fc.array(opArb(N), { maxLength: 40 }), (ops) => {
        let w = ready();
        const seen = new Set<string>();
        for (const op of ops) {
          w = apply(w, op, all);
          if (op.kind === 'page') all.slice(op.start, op.start + op.size).forEach((m) => seen.add(m.ID));
          else seen.add(all[op.index]!.ID);
        }
        expect(w.messages.length).to.equal(seen.size);
        expect(new Set(w.messages.map((m) => m.ID)).size).to.equal(w.messages.length);
        for (let i = 1; i < w.messages.length; i++) expect(compareMessages(w.messages[i - 1]!, w.messages[i]!)).to.be.lessThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('applying any operation twice equals applying it once (duplicate delivery is harmless)', () => {
    fc.assert(
      fc.property(fc.array(opArb(N), { maxLength: 30 }), fc.nat(29), (ops, dupAt) => {
        const once = ops.reduce((w, op) => apply(w, op, all), ready());
        const withDup = ops.flatMap((op, i) => (i === dupAt % Math.max(ops.length, 1) ? [op, op] : [op]));
        const twice = withDup.reduce((w, op) => apply(w, op, all), ready());
        expect(twice.messages.map((m) => [m.ID, m.isRevoked, m.isRead])).to.deep.equal(once.messages.map((m) => [m.ID, m.isRevoked, m.isRead]));
      }),
      { numRuns: 300 },
    );
  });

  it('the final set and flags do not depend on the order operations arrive in', () => {
    fc.assert(
      fc.property(fc.array(opArb(N), { minLength: 1, maxLength: 25 }).chain((ops) => fc.tuple(fc.constant(ops), fc.shuffledSubarray(ops, { minLength: ops.length, maxLength: ops.length }))), ([ops, shuffled]) => {
        const a = ops.reduce((w, op) => apply(w, op, all), ready());
        const b = shuffled.reduce((w, op) => apply(w, op, all), ready());
        expect(b.messages.map((m) => [m.ID, m.isRevoked, m.isRead])).to.deep.equal(a.messages.map((m) => [m.ID, m.isRevoked, m.isRead]));
      }),
      { numRuns: 300 },
    );
  });

  it('compareMessages is a total order: antisymmetric and transitive over random messages', () => {
    const arb = fc.record({
      ID: fc.string({ minLength: 1, maxLength: 3 }),
      time: fc.integer({ min: 0, max: 3 }),
      sequence: fc.integer({ min: 0, max: 3 }),
      flow: fc.constantFrom('in' as const, 'out' as const),
      status: fc.constantFrom('unSend' as const, 'success' as const, 'fail' as const),
    });
    fc.assert(
      fc.property(arb, arb, arb, (x, y, z) => {
        const [a, b, c] = [message(x.ID, x), message(y.ID, y), message(z.ID, z)];
        expect(Math.sign(compareMessages(a, b))).to.equal(-Math.sign(compareMessages(b, a)));
        if (compareMessages(a, b) <= 0 && compareMessages(b, c) <= 0) expect(compareMessages(a, c)).to.be.at.most(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('message window reducers (cases)', () => {
  it('keeps a pending local echo below confirmed messages, then replaces it in place when sent', () => {
    let w = withPage(ready(), { messageList: history(3), nextReqMessageID: '', isCompleted: true }, 'newest');
    const echo = message('local-1', { flow: 'out', from: 'alice', status: 'unSend', time: 5, sequence: 0 });
    w = withLive(w, [echo]);
    expect(w.messages.at(-1)!.ID).to.equal('local-1');
    w = withLive(w, [message('m9', { sequence: 9, time: 2000 })]);
    expect(w.messages.at(-1)!.ID, 'pending stays last').to.equal('local-1');
    w = withLive(w, [{ ...echo, status: 'success', time: 2001, sequence: 10 } as Message]);
    expect(w.messages.map((m) => m.ID)).to.deep.equal(['m0', 'm1', 'm2', 'm9', 'local-1']);
    expect(w.messages.at(-1)!.status).to.equal('success');
  });

  it('never moves a message backwards: a late pending or unread version does not undo sent, read or recalled', () => {
    const sent = message('a', { status: 'success', isPeerRead: true, isRevoked: true, sequence: 4 });
    const stale = message('a', { status: 'unSend', isPeerRead: false, isRevoked: false, sequence: 0 });
    const merged = newerVersion(sent, stale);
    expect(merged.status).to.equal('success');
    expect(merged.sequence).to.equal(4);
    expect(merged.isPeerRead).to.be.true;
    expect(merged.isRevoked).to.be.true;
  });

  it('applies a recall that arrived before its message (tombstone)', () => {
    const tombstones = new Map([['late', { userID: 'bob', nick: 'Bob', avatar: '' }]]);
    const w = withLive(ready(), [message('late')], tombstones);
    expect(w.messages[0]!.isRevoked).to.be.true;
    expect(w.messages[0]!.revoker?.userID).to.equal('bob');
  });

  it('returns the same objects when nothing changed, so nothing re-renders', () => {
    const list = mergeMessages([], history(4));
    const again = mergeMessages(list, history(4).map((m) => ({ ...m, payload: { ...m.payload } }) as Message));
    expect(again).to.equal(list);
    // Any change of value is a new version (here the sender's group name card), kept in place of the old one.
    const renamed = mergeMessages(list, [{ ...list[1]!, nameCard: 'Bobby' } as Message]);
    expect(renamed).to.not.equal(list);
    expect(renamed[1]!.nameCard).to.equal('Bobby');
    expect(renamed[0], 'the others keep their identity').to.equal(list[0]);
  });

  it('ignores live messages while the window does not reach the newest message, but applies updates', () => {
    let w: MessageWindow = { ...ready(), hasNewer: true, messages: history(2) };
    w = withLive(w, [message('far', { sequence: 99 })]);
    expect(w.messages.map((m) => m.ID)).to.deep.equal(['m0', 'm1']);
    w = withUpdates(w, [{ ...history(2)[1]!, isRead: true } as Message]);
    expect(w.messages[1]!.isRead).to.be.true;
  });

  it('removes deleted messages and clears history', () => {
    let w = withPage(ready(), { messageList: history(4), nextReqMessageID: '', isCompleted: true }, 'newest');
    w = withoutMessages(w, ['m1']);
    expect(w.messages.map((m) => m.ID)).to.deep.equal(['m0', 'm2', 'm3']);
    w = withLive(w, [{ ...history(4)[2]!, isDeleted: true } as Message]);
    expect(w.messages.map((m) => m.ID)).to.deep.equal(['m0', 'm3']);
    w = withoutMessages(w, 'all');
    expect(w.messages).to.have.length(0);
  });
});
