/**
 * The adapter's durable outbox (reliability F3). The web SDK keeps unsent messages in memory only, so a
 * message written just before the tab closes would be lost. Every local echo is written here when it is
 * created and removed once the service confirms it; after a reload the user's leftovers come back as
 * failed messages with Retry, and a retry restores the original ID and `random` so the service can
 * dedupe a send whose acknowledgement was lost.
 */
import { openDB, type IDBPDatabase } from 'idb';
import type { Message, MessageDraft } from '../types.js';

export interface OutboxEntry {
  ID: string;
  /** `${SDKAppID}:${userID}`. */
  owner: string;
  /** The echo as the UI saw it (media URLs are re-made from `draft` after a reload). */
  message: Message;
  draft: MessageDraft;
  cloudCustomData: string;
  needReadReceipt: boolean;
  /** SDK identity fields of the original instance, restored on a retry after a reload. */
  random?: number;
  clientTime?: number;
  clientSequence?: number;
}

export class Outbox {
  #db: Promise<IDBPDatabase | null>;
  #writes = new Set<Promise<unknown>>();

  constructor(name: string) {
    this.#db = openDB(name, 1, {
      upgrade(db) {
        db.createObjectStore('outbox', { keyPath: 'ID' }).createIndex('owner', 'owner');
      },
    }).catch(() => null);
  }

  /** Entries of one owner. */
  async load(owner: string): Promise<OutboxEntry[]> {
    const db = await this.#db;
    if (!db) return [];
    return ((await db.getAllFromIndex('outbox', 'owner', owner).catch(() => [])) as OutboxEntry[]) ?? [];
  }

  put(entry: OutboxEntry): Promise<void> {
    return this.#track(async (db) => void (await db.put('outbox', entry)));
  }

  delete(ID: string): Promise<void> {
    return this.#track(async (db) => void (await db.delete('outbox', ID)));
  }

  /** Waits for pending writes, then closes the database. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#writes]);
    (await this.#db)?.close();
  }

  #track(work: (db: IDBPDatabase) => Promise<void>): Promise<void> {
    const run = (async () => {
      const db = await this.#db;
      if (db) await work(db).catch(() => undefined);
    })();
    this.#writes.add(run);
    void run.finally(() => this.#writes.delete(run));
    return run;
  }
}
