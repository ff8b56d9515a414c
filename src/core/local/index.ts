/**
 * `tim-elements/core/local`: LocalCore, the embedded chat service (IndexedDB + BroadcastChannel).
 *
 * ```ts
 * const core = await createLocalCore({ seed: 'demo' });
 * await core.login({ userID: 'alice' });
 * ```
 */
import { unreachable } from '../errors.js';
import { openDatabase } from './database.js';
import { LocalCore, type LocalCoreOptions } from './local-core.js';

export type { LocalCore, LocalCoreOptions, BulkImportOptions, ImportedMessage } from './local-core.js';

/**
 * Opens (or creates) the service database and returns a core for it. Every core on the same `dbName`
 * in this origin (tabs, or several cores in one page) is a client of the same service.
 */
export async function createLocalCore(options: LocalCoreOptions = {}): Promise<LocalCore> {
  const db = await openDatabase(options.dbName ?? 'tim-elements');
  // The demo seed is its own chunk: an app that never asks for it never downloads it.
  if (options.seed === 'demo') await (await import('./seed-demo.js').catch(unreachable)).applyDemoSeed(db, (options.now ?? Date.now)());
  return new LocalCore(db, options);
}
