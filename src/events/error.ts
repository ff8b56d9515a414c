import type { ErrorCategory } from '../core/index.js';

export interface TimErrorDetail {
  /** The service's numeric code. */
  code: number;
  /** The service's own message (English, technical). */
  message: string;
  /** What the user was doing: 'sendMessage', 'pinConversation', 'addFriend', … */
  scenario: string;
  /** What the UI does about it (see `classifyError`). */
  category: ErrorCategory;
  /** The localised text shown to the user. */
  text: string;
}

/**
 * `tim-error`: an action the user took failed. The element already shows the error where it happened;
 * hosts listen to log, report, or route to a login screen on `category === 'session'`.
 */
export class TimErrorEvent extends Event {
  static readonly eventName = 'tim-error';
  readonly detail: TimErrorDetail;
  constructor(detail: TimErrorDetail) {
    super(TimErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tim-error': TimErrorEvent;
  }
}
