/**
 * LocalCore's implementation of the shared fault knobs (`FaultControl`). Latency and injected failures
 * are applied by the core before a method does any work (by code that loads with the extras, only once
 * there are any), and so are the delivery faults (`deliverFaulty`); network and session faults act on the
 * client.
 */
import { NO_FAULTS, type FaultControl, type FaultSettings } from '../faults.js';
import type { KickedOutReason } from '../types.js';
import { loadExtras, type Client } from './client.js';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class LocalFaults implements FaultControl {
  #settings: FaultSettings;
  readonly #c: Client;

  constructor(client: Client, initial: Partial<FaultSettings> = {}) {
    this.#c = client;
    this.#settings = { ...NO_FAULTS, ...initial };
  }

  get settings(): Readonly<FaultSettings> {
    return this.#settings;
  }
  set(settings: Partial<FaultSettings>): void {
    this.#settings = { ...this.#settings, ...settings };
  }
  reset(): void {
    this.#settings = { ...NO_FAULTS };
  }
  disconnect(): void {
    const c = this.#c;
    if (c.net === 'disconnected') return;
    c.offlineSince = c.now();
    c.setNet('disconnected');
  }
  /** Back online at once; the catch-up of what was missed loads with the extras. */
  async reconnect(): Promise<void> {
    const c = this.#c;
    if (c.net !== 'disconnected') return;
    c.setNet('connecting');
    c.setNet('connected');
    const me = c.me;
    if (me) await (await loadExtras()).catchUp(c, me);
  }
  kickOut(reason: KickedOutReason = 'multipleAccount'): void {
    this.#c.end(reason);
  }
  expireTicket(): void {
    this.#c.end('userSigExpired');
  }

  /** The configured latency, then maybe an injected failure for `method`; nothing to do without them.
   *  `upload` is told how far a media send's upload has come while the latency passes. */
  async before(method: string, upload?: (progress: number) => void): Promise<void> {
    if (this.#settings.latencyMs || this.#settings.failures.length) await (await loadExtras()).inject(this.#settings, method, upload);
  }
}
