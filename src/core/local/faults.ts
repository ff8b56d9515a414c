/**
 * LocalCore's implementation of the shared fault knobs (`FaultControl`). Latency and injected failures
 * are applied by the core before a method does any work (by code that loads only once there are any);
 * delivery faults by the frame channel; network and session faults call back into the core.
 */
import { NO_FAULTS, type FaultControl, type FaultSettings } from '../faults.js';
import type { KickedOutReason } from '../types.js';

export interface FaultTargets {
  disconnect(): void;
  reconnect(): Promise<void>;
  kick(reason: KickedOutReason): void;
  /** Applies the latency and maybe a failure for `method`. */
  inject(settings: Readonly<FaultSettings>, method: string): Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class LocalFaults implements FaultControl {
  #settings: FaultSettings;
  #targets: FaultTargets;

  constructor(targets: FaultTargets, initial: Partial<FaultSettings> = {}) {
    this.#targets = targets;
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
    this.#targets.disconnect();
  }
  reconnect(): Promise<void> {
    return this.#targets.reconnect();
  }
  kickOut(reason: KickedOutReason = 'multipleAccount'): void {
    this.#targets.kick(reason);
  }
  expireTicket(): void {
    this.#targets.kick('userSigExpired');
  }

  /** The configured latency, then maybe an injected failure for `method`; nothing to do without them. */
  async before(method: string): Promise<void> {
    if (this.#settings.latencyMs || this.#settings.failures.length) await this.#targets.inject(this.#settings, method);
  }

  /** Whether this send loses its ack after committing. */
  dropsAck(): boolean {
    return Math.random() < this.#settings.dropAckAfterCommit;
  }
}
