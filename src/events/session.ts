import type { KickedOutReason, UserID } from '../core/index.js';
import type { SessionStatus } from '../store/index.js';

export interface TimSessionDetail {
  status: SessionStatus;
  userID: UserID;
  /** Why the user was logged out, when kicked out or the ticket expired. */
  kickReason?: KickedOutReason;
}

/**
 * `tim-session`: the login state changed: logged in, logged out, kicked out by another login, ticket
 * expired. Hosts show their login screen on `loggedOut`/`kickedOut`. Not fired for the state a core
 * already had when it was given to the provider.
 */
export class TimSessionEvent extends Event {
  static readonly eventName = 'tim-session';
  readonly detail: TimSessionDetail;
  constructor(detail: TimSessionDetail) {
    super(TimSessionEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tim-session': TimSessionEvent;
  }
}
