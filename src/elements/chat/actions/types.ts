import type { Message } from '../../../core/index.js';
import type { IconName } from '../../shared/all-icons.js';

/**
 * An action the host adds to `<tim-chat>`'s message menu (`messageActions`). Picking it fires
 * `tim-message-action` with the action's `id` and the message.
 */
export interface MessageAction {
  /** Returned in the event's `detail.action`. */
  id: string;
  /** The menu label, in the page's language (the host localises it). */
  label: string;
  /** One of the kit's icons. */
  icon?: IconName;
  /** Shown in the danger colour. */
  danger?: boolean;
  /** Whether the action applies to a message (default: every message that is not a notice). */
  when?: (message: Message) => boolean;
}
