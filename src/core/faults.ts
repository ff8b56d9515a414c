/**
 * Fault injection, the same knobs on every core's test double (LocalCore has them built in; the Tencent
 * adapter's scripted SDK stand-in implements them too), so the contract suite and stories can exercise
 * the failure modes of real chat clients. All settable at runtime.
 */
import type { KickedOutReason } from './types.js';

export interface FaultSettings {
  /** Delay added before every method settles: a number of ms, or a [min, max] range. */
  latencyMs: number | readonly [number, number];
  /** Methods reject with `code` at `rate` (0..1), before anything is committed. `methods` narrows it. */
  failures: ReadonlyArray<{ code: number; rate: number; methods?: readonly string[] }>;
  /** Probability (0..1) that `sendMessage`/`resendMessage` commits, then loses the ack and rejects 2801. */
  dropAckAfterCommit: number;
  /** Every delivery frame arrives twice (and again after reconnect): the core must dedupe. */
  deliverTwice: boolean;
  /** Delivery frames are held briefly and released in reverse order. */
  deliverOutOfOrder: boolean;
}

export interface FaultControl {
  /** Current settings. */
  readonly settings: Readonly<FaultSettings>;
  /** Merges new settings. */
  set(settings: Partial<FaultSettings>): void;
  /** Back to no faults. */
  reset(): void;
  /** Network down: `netStateChange` disconnected; remote calls reject 2800; nothing is delivered. */
  disconnect(): void;
  /** Network back: `netStateChange` connecting → connected, then everything missed is synced. */
  reconnect(): Promise<void>;
  /** Kicked out as if another device/instance logged in (or by REST API). */
  kickOut(reason?: KickedOutReason): void;
  /** The UserSig expires: kicked out with reason `userSigExpired`; a fresh login is needed. */
  expireTicket(): void;
}

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  latencyMs: 0,
  failures: [],
  dropAckAfterCommit: 0,
  deliverTwice: false,
  deliverOutOfOrder: false,
});
