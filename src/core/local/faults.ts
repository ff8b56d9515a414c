/**
 * LocalCore's implementation of the shared fault knobs (`FaultControl`). Latency and injected failures
 * are applied by the core before a method does any work; delivery faults by the frame channel; network
 * and session faults call back into the core.
 */
import { ChatError } from '../errors.js';
import { NO_FAULTS, type FaultControl, type FaultSettings } from '../faults.js';
import type { KickedOutReason } from '../types.js';

export interface FaultTargets {
  disconnect(): void;
  reconnect(): Promise<void>;
  kick(reason: KickedOutReason): void;
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

  /** The configured latency, then maybe an injected failure for `method`. */
  async before(method: string): Promise<void> {
    const { latencyMs, failures } = this.#settings;
    const ms = typeof latencyMs === 'number' ? latencyMs : latencyMs[0] + Math.random() * (latencyMs[1] - latencyMs[0]);
    if (ms > 0) await sleep(ms);
    for (const { code, rate, methods } of failures)
      if ((!methods || methods.includes(method)) && Math.random() < rate) throw new ChatError(code, `Injected failure ${code}`);
  }

  /** Whether this send loses its ack after committing. */
  dropsAck(): boolean {
    return Math.random() < this.#settings.dropAckAfterCommit;
  }
}
