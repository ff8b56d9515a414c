/**
 * The veto hooks: a cancelable `tim-before-<action>` event fired before a destructive or sending action
 * (the seed's ChatLifeCycle / ProfileLifeCycle). `preventDefault()` vetoes it; a host may also take the
 * action over itself, or change `detail` where the event documents it as writable (e.g. the message of
 * `tim-before-send`).
 */
export class TimBeforeEvent<Detail extends object = Record<string, unknown>> extends Event {
  readonly detail: Detail;
  constructor(type: `tim-before-${string}`, detail: Detail) {
    super(type, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** Fires `event` on `target` and tells whether the action may go ahead (nobody called preventDefault). */
export function allowed(target: EventTarget, event: Event): boolean {
  return target.dispatchEvent(event) && !event.defaultPrevented;
}
