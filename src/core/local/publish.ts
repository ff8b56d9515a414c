/**
 * How an operation's commit reaches every instance: loaded with the operations that write (`ops/*`),
 * never by the startup code, which only reads and hears.
 */
import { write, type WriteTx } from './database.js';
import type { Change } from './change.js';
import type { Client } from './client.js';

/** Commits `work`, then tells every instance (this one included) what changed. */
export async function commit<T>(c: Client, work: (tx: WriteTx) => Promise<[T, Change]>): Promise<T> {
  const [result, change] = await write(c.db, work);
  publish(c, change);
  return result;
}

/** Tells the instances of the users `change` concerns, this one included (a BroadcastChannel never
 *  delivers to its own sender). */
export function publish(c: Client, change: Change): void {
  if (change.to !== '*' && !change.to.length) return;
  c.post({ k: 'change', ...change });
  c.background(c.onChange(change, true));
}
