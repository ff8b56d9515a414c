/**
 * LocalCore paths few sessions take, loaded on first use: bulk import (benchmarks, tests, seeds), the
 * seeded echo bot, and fault injection (latency, failures, the catch-up after a simulated reconnect).
 */
import type { TextPayload, UserID } from '../../types.js';
import { ChatError } from '../../errors.js';
import type { FaultSettings } from '../../faults.js';
import { newID, read, write, type StoredMessage } from '../database.js';
import { ALL_LISTS, loadCompose, type Client } from '../client.js';
import type { Frame } from '../change.js';
// Every lazy module reaches local-core.js: bundlers split shared code by the set of entries that reach
// it, so this keeps ALL of LocalCore's startup code in one chunk (half a KB gzip less than two).
import '../local-core.js';
import { publish } from '../publish.js';
import { sleep } from '../faults.js';
import { admit, commit, newMessageRecord, tick } from '../server/send.js';
import { importMessages, type ImportedMessage } from '../server/import.js';
import type { BulkImportOptions } from '../local-core.js';

/** Messages per transaction in `bulkImport`. */
const IMPORT_SLICE = 5000;
/** How long `deliverOutOfOrder` holds frames before releasing them reversed. */
const HOLD_MS = 40;

/** See `LocalCore.bulkImport`. */
export async function bulkImport(c: Client, items: readonly ImportedMessage[], options: BulkImportOptions): Promise<string[]> {
  const ids: string[] = [];
  // Chromium's IndexedDB slows down superlinearly inside one huge transaction: commit in slices.
  for (let at = 0; at < items.length || at === 0; at += IMPORT_SLICE)
    ids.push(
      ...(await write(c.db, async (tx) => {
        if (!at) for (const [uuid, blob] of Object.entries(options.blobs ?? {})) await tx.objectStore('blobs').put(blob, uuid);
        return importMessages(tx, items.slice(at, at + IMPORT_SLICE), c.now(), !!options.read);
      })),
    );
  publish(c, { to: '*', reindex: true, lists: ['conversations'] });
  return ids;
}

/** Runs `run` after `ms`, unless the session ends first. */
function later(c: Client, ms: number, run: () => void): void {
  const timer = setTimeout(() => {
    c.timers.delete(timer);
    run();
  }, ms);
  c.timers.add(timer);
}

/** The seeded bot (profile `customFields.bot`) types, then replies to C2C text, quoting it. */
export async function echo(c: Client, me: UserID, rec: StoredMessage, bot: UserID): Promise<void> {
  const { typingOf } = await loadCompose();
  const typing = (on: boolean) => {
    c.post({ k: 'typing', to: me, from: bot, typing: on });
    typingOf(c, me, bot, on);
  };
  later(c, 250, () => typing(true));
  later(c, 900, async () => {
    typing(false);
    const { text } = rec.payload as TextPayload;
    const reply = newMessageRecord(newID('echo-'), rec.key, bot, me, 'TIMTextElem', { text });
    reply.cloudCustomData = JSON.stringify({
      messageReply: { messageID: rec.ID, messageAbstract: [...text].slice(0, 100).join(''), messageSender: rec.nick || me, messageType: 1, version: 1 },
    });
    try {
      const recipients = await write(c.db, async (tx) => {
        const recipients = await admit(tx, reply, c.secondsNow());
        await commit(tx, reply, recipients, await tick(tx, c.now()));
        return recipients;
      });
      publish(c, { to: recipients, ids: [reply.ID], lists: ['conversations'] });
    } catch {
      /* the user blocked the bot meanwhile */
    }
  });
}

/** After a reconnect: everything committed while away (with a margin for frames that were in flight) is
 *  delivered once; the seen-version dedupe drops what also arrives live meanwhile. */
export async function catchUp(c: Client, me: UserID): Promise<void> {
  const since = IDBKeyRange.lowerBound(c.offlineSince - 5000);
  const ids = await read(c.db).objectStore('messages').index('chg').getAllKeys(since);
  for (let i = c.faults.settings.deliverTwice ? 2 : 1; i > 0; i--) await c.deliver(me, ids);
  await c.touch(...ALL_LISTS);
}

/** The configured latency (ms, or a [min, max] range), then maybe an injected failure for `method`. For
 *  a media send the latency is a slow upload: `upload` hears its progress move across it, a quarter at a
 *  time, rather than a bar that sits at 0 until the end. */
export async function inject(
  { latencyMs, failures }: Readonly<FaultSettings>,
  method: string,
  upload?: (progress: number) => void,
): Promise<void> {
  const ms = typeof latencyMs === 'number' ? latencyMs : latencyMs[0] + Math.random() * (latencyMs[1] - latencyMs[0]);
  const steps = upload ? 4 : 1;
  for (let step = 0; ms > 0 && step < steps; step++) {
    upload?.(step / steps);
    await sleep(ms / steps);
  }
  for (const { code, rate, methods } of failures)
    if ((!methods || methods.includes(method)) && Math.random() < rate) throw new ChatError(code, `Injected failure ${code}`);
}

/** Frames `deliverOutOfOrder` holds, per instance, until they are released reversed. */
const held = new WeakMap<Client, Frame[]>();

/** A frame from another instance while a delivery fault is set: it arrives twice (`deliverTwice`), or is
 *  held briefly and released with the others in reverse order (`deliverOutOfOrder`). The faults in force
 *  when a frame is released apply to it. */
export function deliverFaulty(c: Client, frame: Frame): void {
  const release = (frame: Frame) => {
    c.hear(frame);
    if (c.faults.settings.deliverTwice) c.hear(frame);
  };
  if (!c.faults.settings.deliverOutOfOrder) return release(frame);
  let frames = held.get(c);
  if (!frames) {
    held.set(c, (frames = []));
    setTimeout(() => {
      held.delete(c);
      frames!.reverse().forEach(release);
    }, HOLD_MS);
  }
  frames.push(frame);
}
