/**
 * The one order and the one merge for message lists. Every list in the kit goes through these.
 */
import type { Message } from './types.js';

/**
 * Total order for rendering a conversation's messages, a lexicographic key so it is provably transitive:
 * (1) confirmed before pending outgoing (unsent and failed local echoes stay at the bottom),
 * (2) `time` (server time once confirmed), (3) `sequence` (server order, breaks same-second ties),
 * (4) `ID` as the stable tie-break. Never compare sequence only "when both are set": mixing keys per pair
 * breaks transitivity.
 */
export function compareMessages(a: Message, b: Message): number {
  const ap = a.flow === 'out' && a.status !== 'success' ? 1 : 0;
  const bp = b.flow === 'out' && b.status !== 'success' ? 1 : 0;
  if (ap !== bp) return ap - bp;
  if (a.time !== b.time) return a.time - b.time;
  if (a.sequence !== b.sequence) return a.sequence - b.sequence;
  return a.ID < b.ID ? -1 : a.ID > b.ID ? 1 : 0;
}

/**
 * Idempotent merge: insert-or-replace by ID, never append blindly. Returns the same array when nothing
 * changed, so identity checks downstream stay cheap. `list` must already be sorted.
 */
export function upsertMessages(list: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  if (incoming.length === 0) return list;
  const byID = new Map<string, Message>();
  for (const m of list) byID.set(m.ID, m);
  let changed = false;
  for (const m of incoming) {
    if (byID.get(m.ID) !== m) {
      byID.set(m.ID, m);
      changed = true;
    }
  }
  if (!changed) return list;
  return [...byID.values()].sort(compareMessages);
}
