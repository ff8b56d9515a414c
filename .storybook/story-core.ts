/**
 * LocalCores for stories. One core per (database, user) is reused across stories, as a real page would
 * keep its core; a story asks for another user, a fresh database, or faults through `parameters.tim`.
 */
import { createLocalCore, type LocalCore } from '../src/core/local/index.js';
import type { FaultSettings, KickedOutReason } from '../src/index.js';

export interface StoryCoreOptions {
  /** The logged-in user (default alice); '' leaves the core logged out. */
  user?: string;
  /** A database of its own (default the shared demo database). */
  db?: string;
  seed?: 'demo' | 'empty';
  faults?: Partial<FaultSettings>;
  /** Put the core in a state after login. */
  after?: 'disconnect' | KickedOutReason;
  /** Height of the story's frame. */
  height?: string;
}

const cores = new Map<string, Promise<LocalCore>>();

export function coreForStory(options: StoryCoreOptions): Promise<LocalCore> {
  const user = options.user ?? 'alice';
  const db = options.db ?? 'tim-storybook';
  const key = JSON.stringify({ db, user, seed: options.seed, faults: options.faults, after: options.after });
  let core = cores.get(key);
  if (!core) {
    core = (async () => {
      const c = await createLocalCore({ dbName: db, seed: options.seed ?? 'demo', multiInstance: 'allow', ...(options.faults ? { faults: options.faults } : {}) });
      if (user) await c.login({ userID: user });
      // The state change happens once the story's provider listens, as it would in a running app.
      const after = options.after;
      if (after) {
        setTimeout(() => {
          if (after === 'disconnect') c.faults.disconnect();
          else if (after === 'userSigExpired') c.faults.expireTicket();
          else c.faults.kickOut(after);
        }, 300);
      }
      return c;
    })();
    // States that change the core (faults, kicks) must not be reused by the next story.
    if (!options.after && !options.faults) cores.set(key, core);
  }
  return core;
}
