/**
 * The rows of the history, derived from a message window: day dividers, the "unread messages" separator,
 * and messages with their place in a run of one sender (grouping). Pure, so it is tested on its own and
 * recomputed only when the window changes. Row objects keep their identity across recomputations while
 * nothing about them changed, so the list re-renders only what moved.
 */
import type { Message } from '../../core/index.js';

/** Consecutive messages of one sender closer than this (seconds) form one group. */
export const GROUP_GAP_SECONDS = 5 * 60;

export type Row =
  | { kind: 'edge'; key: 'edge' }
  | { kind: 'tail'; key: 'tail' }
  | { kind: 'day'; key: string; time: number }
  | { kind: 'unread'; key: 'unread' }
  | {
      kind: 'message';
      key: string;
      message: Message;
      /** First / last of a run of one sender's messages. */
      first: boolean;
      last: boolean;
    };
export type MessageRow = Extract<Row, { kind: 'message' }>;

/** Tips, notices and recalls sit in the middle and break runs. */
export function isNotice(m: Message): boolean {
  return m.isRevoked || m.type === 'TIMGroupTipElem' || m.type === 'TIMGroupSystemNoticeElem';
}

const dayOf = (seconds: number) => {
  const d = new Date(seconds * 1000);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};

const joins = (a: Message | undefined, b: Message) =>
  !!a && !isNotice(a) && !isNotice(b) && a.from === b.from && b.time - a.time < GROUP_GAP_SECONDS && dayOf(a.time) === dayOf(b.time);

/**
 * Rows for `messages` (sorted oldest first). `unreadFrom` puts the separator before that message;
 * `previous` is the last result, whose unchanged rows are reused.
 */
export function buildRows(messages: readonly Message[], unreadFrom: string, previous: readonly Row[] = []): Row[] {
  const old = new Map<string, Row>();
  for (const r of previous) old.set(r.key, r);
  const rows: Row[] = [old.get('edge') ?? { kind: 'edge', key: 'edge' }];
  let lastDay = '';
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    const day = dayOf(m.time);
    if (day !== lastDay) {
      lastDay = day;
      const key = `day:${day}`;
      const r = old.get(key);
      rows.push(r && r.kind === 'day' ? r : { kind: 'day', key, time: m.time });
    }
    if (m.ID === unreadFrom) rows.push(old.get('unread') ?? { kind: 'unread', key: 'unread' });
    const first = !joins(messages[i - 1], m) || m.ID === unreadFrom;
    const next = messages[i + 1];
    const last = !next || !joins(m, next) || next.ID === unreadFrom;
    const r = old.get(m.ID);
    rows.push(r && r.kind === 'message' && r.message === m && r.first === first && r.last === last ? r : { kind: 'message', key: m.ID, message: m, first, last });
  }
  return rows;
}

/**
 * The first unread message: counting back from the newest, the oldest of the last `unreadCount` incoming
 * messages, stopping early at one already read. `''` when the loaded messages do not reach it yet (load an
 * older page and ask again), `null` when nothing is unread.
 */
export function firstUnread(messages: readonly Message[], unreadCount: number, complete: boolean): string | null {
  let found: string | null = null;
  let n = 0;
  for (let i = messages.length - 1; i >= 0 && n < unreadCount; i--) {
    const m = messages[i]!;
    if (m.flow !== 'in') continue;
    if (m.isRead) return found;
    found = m.ID;
    n++;
  }
  return n >= unreadCount || complete ? found : '';
}
