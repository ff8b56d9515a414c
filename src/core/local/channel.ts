/**
 * The BroadcastChannel between LocalCore instances of one database, with the delivery faults applied
 * on the receiving side: duplicates, reordering, and nothing at all while disconnected.
 */
import type { FaultSettings } from '../faults.js';
import type { Frame } from './change.js';

/** How long `deliverOutOfOrder` holds frames before releasing them reversed. */
const HOLD_MS = 40;

export class FrameChannel {
  #channel: BroadcastChannel;
  #held: Frame[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    name: string,
    private readonly receive: (frame: Frame) => void,
    private readonly faults: () => Readonly<FaultSettings>,
    private readonly online: () => boolean,
  ) {
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = (event: MessageEvent<Frame>) => {
      if (!this.faults().deliverOutOfOrder) return this.#deliver(event.data);
      this.#held.push(event.data);
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        for (const frame of this.#held.splice(0).reverse()) this.#deliver(frame);
      }, HOLD_MS);
    };
  }

  #deliver(frame: Frame): void {
    if (!this.online()) return;
    this.receive(frame);
    if (this.faults().deliverTwice) this.receive(frame);
  }

  /** To every other instance (a BroadcastChannel never delivers to its own sender). */
  post(frame: Frame): void {
    this.#channel.postMessage(frame);
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#channel.close();
  }
}
