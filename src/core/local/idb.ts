/**
 * A small promise layer over IndexedDB: exactly what LocalCore needs (it replaced the `idb` package,
 * at a third of its size in the startup bundle).
 *
 * A request's promise resolves inside its success event, so code that awaits only requests keeps the
 * transaction active, and the transaction commits once nothing more is asked of it (as with `idb`).
 */

/** One object store: its key, its value, and the key of each index. */
export interface StoreShape {
  key: IDBValidKey;
  value: unknown;
  indexes?: Record<string, IDBValidKey>;
}
/** Store name → shape. */
export type Schema<S> = { [N in keyof S]: StoreShape };
type Query<K> = K | IDBKeyRange | null | undefined;

export interface Cursor<V> {
  readonly value: V;
  /** The next position, or null past the end. */
  continue(): Promise<Cursor<V> | null>;
}
export interface ReadIndex<V, K extends IDBValidKey, P extends IDBValidKey = K> {
  get(query: Query<K>): Promise<V | undefined>;
  getAll(query?: Query<K>): Promise<V[]>;
  /** Primary keys. */
  getAllKeys(query?: Query<K>): Promise<P[]>;
  count(query?: Query<K>): Promise<number>;
  openCursor(query?: Query<K>, direction?: IDBCursorDirection): Promise<Cursor<V> | null>;
}
export interface ReadStore<S extends StoreShape> extends ReadIndex<S['value'], S['key']> {
  index<I extends keyof S['indexes'] & string>(name: I): ReadIndex<S['value'], NonNullable<S['indexes']>[I], S['key']>;
}
export interface WriteStore<S extends StoreShape> extends ReadStore<S> {
  put(value: S['value'], key?: S['key']): Promise<S['key']>;
  delete(query: S['key'] | IDBKeyRange): Promise<void>;
  /** The native store, for requests queued without awaiting each (the transaction keeps their order). */
  readonly raw: IDBObjectStore;
}

/** The promise of a request; `map` turns its result (in the success event itself). */
function request<T, R = T>(req: IDBRequest<T>, map: (result: T) => R = (result) => result as unknown as R): Promise<R> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(map(req.result));
    req.onerror = () => reject(req.error);
  });
}

/** Cursors reuse their request: every `continue()` fires its success event again. */
const cursor = <V>(req: IDBRequest<IDBCursorWithValue | null>): Promise<Cursor<V> | null> =>
  request(req, (c) => c && { value: c.value as V, continue: () => (c.continue(), cursor<V>(req)) });

class Store {
  constructor(readonly raw: IDBObjectStore & IDBIndex) {}
  get(query: IDBValidKey | IDBKeyRange) {
    return request(this.raw.get(query));
  }
  getAll(query?: IDBValidKey | IDBKeyRange | null) {
    return request(this.raw.getAll(query));
  }
  getAllKeys(query?: IDBValidKey | IDBKeyRange | null) {
    return request(this.raw.getAllKeys(query));
  }
  count(query?: IDBValidKey | IDBKeyRange) {
    return request(this.raw.count(query));
  }
  openCursor(query?: IDBValidKey | IDBKeyRange | null, direction?: IDBCursorDirection) {
    return cursor(this.raw.openCursor(query, direction));
  }
  index(name: string) {
    return new Store(this.raw.index(name) as IDBObjectStore & IDBIndex);
  }
  // `put(value)` and `put(value, undefined)` differ for stores with a key path: pass only what was given.
  put(...args: [unknown, IDBValidKey?]) {
    return request(this.raw.put(...args));
  }
  delete(query: IDBValidKey | IDBKeyRange) {
    return request(this.raw.delete(query));
  }
}

export class Transaction<S extends Schema<S>, M extends IDBTransactionMode> {
  /** Settles when the transaction commits, or rejects when it aborts. */
  readonly done: Promise<void>;
  /** The mode, for the type checker only (a readonly transaction has no `put`). */
  declare readonly mode: M;

  constructor(readonly raw: IDBTransaction) {
    this.done = new Promise((resolve, reject) => {
      raw.oncomplete = () => resolve();
      raw.onerror = raw.onabort = () => reject(raw.error || new DOMException('AbortError', 'AbortError'));
    });
  }
  objectStore<N extends keyof S & string>(name: N): M extends 'readwrite' ? WriteStore<S[N]> : ReadStore<S[N]> {
    return new Store(this.raw.objectStore(name) as IDBObjectStore & IDBIndex) as never;
  }
  abort(): void {
    this.raw.abort();
  }
}

/** A database of schema `S`: the native one (`name`, `close()`...), its transactions opened with
 *  `new Transaction(db.transaction(...))`. `S` is for the type checker only. */
export type Database<S extends Schema<S>> = IDBDatabase & { readonly schema?: S };

/**
 * Opens `name` at `version`. Creating or upgrading the schema happens once per browser, so its code is
 * fetched only then: the upgrade that finds `upgrade` not yet loaded is aborted (nothing is created), and
 * the database is opened again once `loadUpgrade` has brought it.
 */
export async function openDB<S extends Schema<S>>(name: string, version: number, loadUpgrade: () => Promise<(db: IDBDatabase) => void>): Promise<Database<S>> {
  let upgrade: ((db: IDBDatabase) => void) | undefined;
  for (;;) {
    const req = indexedDB.open(name, version);
    let missing = false;
    req.onupgradeneeded = () => {
      if (upgrade) return upgrade(req.result);
      missing = true;
      req.transaction!.abort();
    };
    try {
      return await request(req, (db) => {
        // Another connection wants to delete or upgrade the database (tests, a newer kit): let it.
        db.onversionchange = () => db.close();
        return db;
      });
    } catch (error) {
      if (!missing) throw error;
      upgrade = await loadUpgrade();
    }
  }
}
