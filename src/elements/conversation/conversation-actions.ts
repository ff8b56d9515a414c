/**
 * What a conversation's menu offers and what each choice does: the host's veto, the confirmation where one
 * is due, then the store. A lazy chunk, loaded on the first menu (most visits never open one).
 */
import type { Conversation } from '../../core/index.js';
// The list's events come from the list (see ActionsHost): imported here, their module would be split off
// the first screen into a file of its own.
import type {
  ConversationActionDescriptor,
  ConversationActionName,
  TimBeforeConversationActionEvent,
  TimConversationActionEvent,
  TimNavigateEvent,
} from '../../events/index.js';
import type { Catalog } from '../../i18n/index.js';
import { allowed, provideSourceArea } from '../shared/first-screen.js';
import menuStrings from '../../i18n/en/conversation-menu.js';
import type { MenuItem, TimMenu } from '../shared/menu.js';
import type { TimDialog } from '../shared/dialog.js';
import type { TimConversation } from './conversation.js';
// The menu and the confirmation register here, with the actions, so neither is in the initial bundle.
import '../shared/menu.js';
import '../shared/dialog.js';

// The English menu strings travel with the actions, not in the initial bundle.
provideSourceArea('conversationMenu', menuStrings);

const SCENARIO: Record<ConversationActionName, string> = {
  pin: 'pinConversation',
  unpin: 'pinConversation',
  mute: 'setMessageRemindType',
  unmute: 'setMessageRemindType',
  markRead: 'markConversationRead',
  markUnread: 'markConversationUnread',
  clearHistory: 'clearHistory',
  delete: 'deleteConversation',
};

/**
 * What the list lends the actions, besides itself (its store, `actions`, `activeConversationId` and shadow
 * root are read from it): what it keeps to itself, and its event classes.
 */
export interface ActionsHost {
  /** The list element: its state is read from it, and the events are fired on it. */
  target: TimConversation;
  t: Catalog;
  events: {
    before: typeof TimBeforeConversationActionEvent;
    custom: typeof TimConversationActionEvent;
    navigate: typeof TimNavigateEvent;
  };
  /** A conversation's show name. */
  nameOf(c: Conversation): string;
  /** Marks the row whose menu is open ('' when closed). */
  setMenuKey(key: string): void;
  /** Reports a failure (tim-error and the list's alert line). */
  fail(error: unknown, scenario: string, text: string): void;
  /** Clears the alert line after a success. */
  done(): void;
}

/** The list's menu, its confirmation dialog and the listbox (where the focus returns when the menu closes). */
const part = <T extends Element>(host: ActionsHost, selector: string) => host.target.renderRoot.querySelector<T>(selector)!;

/** The conversation and host actions of each open menu. */
const open = new WeakMap<TimMenu, { c: Conversation; custom: readonly ConversationActionDescriptor[] }>();

/** Opens the menu for a conversation at a point or below an element (the overflow button). */
export function openMenu(host: ActionsHost, c: Conversation, at: { x: number; y: number } | HTMLElement): void {
  const { items, custom } = menuFor(host.t, c, host.target.actions);
  const menu = part<TimMenu>(host, 'tim-menu');
  const list = part<HTMLElement>(host, '.list');
  open.set(menu, { c, custom });
  menu.items = items;
  menu.label = host.t.conversationMenu.menuLabel(host.nameOf(c));
  host.setMenuKey(c.conversationID);
  if (at instanceof HTMLElement) menu.showFor(at, list);
  else menu.showAt(at.x, at.y, list);
}

/** From the keyboard: opens the menu over the row's start, just above its bottom edge (the row is in view). */
export function openMenuOnRow(host: ActionsHost, c: Conversation): void {
  const row = part<HTMLElement>(host, `.item[data-id="${CSS.escape(c.conversationID)}"]`) ?? part<HTMLElement>(host, '.list');
  const r = row.getBoundingClientRect();
  openMenu(host, c, { x: getComputedStyle(row).direction === 'rtl' ? r.right - 200 : r.left + 48, y: r.bottom - 8 });
}

/** The menu for a conversation: built-ins, then the host's own (`custom:<index>` into the returned list). */
export function menuFor(t: Catalog, c: Conversation, hostActions: readonly ConversationActionDescriptor[]) {
  const a = t.conversationMenu.actions;
  const muted = c.messageRemindType !== 'AcceptAndNotify';
  const unread = c.unreadCount > 0 || c.isMarkedUnread || c.groupAtInfoList.length > 0;
  const custom = hostActions.filter((d) => !(d.id in SCENARIO) && (!d.when || d.when(c)));
  const items: MenuItem[] = [
    c.isPinned ? { id: 'unpin', label: a.unpin, icon: 'pin' } : { id: 'pin', label: a.pin, icon: 'pin' },
    muted ? { id: 'unmute', label: a.unmute, icon: 'bell' } : { id: 'mute', label: a.mute, icon: 'bellOff' },
    unread ? { id: 'markRead', label: a.markRead, icon: 'checks' } : { id: 'markUnread', label: a.markUnread, icon: 'unread' },
    ...custom.map((d, i) => ({ id: `custom:${i}`, label: d.label, ...(d.danger ? { danger: true } : {}) })),
    { id: 'clearHistory', label: a.clearHistory, icon: 'eraser' },
    { id: 'delete', label: a.delete, icon: 'trash', danger: true },
  ];
  return { items, custom };
}

/** Runs a menu choice: a host action fires its event; a built-in runs through `runAction`. */
export function choose(host: ActionsHost, id: string): Promise<void> {
  const chosen = open.get(part<TimMenu>(host, 'tim-menu'));
  if (!chosen) return Promise.resolve();
  const { c, custom } = chosen;
  if (id.startsWith('custom:')) {
    const d = custom[Number(id.slice(7))];
    if (d) host.target.dispatchEvent(new host.events.custom({ action: d.id, conversationID: c.conversationID, conversation: c }));
    return Promise.resolve();
  }
  return runAction(host, id as ConversationActionName, c);
}

/** A built-in action: the host's veto first (before any confirmation), then the confirmation, then the store. */
export async function runAction(host: ActionsHost, action: ConversationActionName, c: Conversation): Promise<void> {
  if (!(action in SCENARIO)) return;
  const { target, t } = host;
  const store = target.store!;
  const id = c.conversationID;
  if (!allowed(target, new host.events.before({ action, conversationID: id, conversation: c }))) return;
  if (action === 'delete' || action === 'clearHistory') {
    const ask = action === 'delete' ? t.conversationMenu.confirmDelete : t.conversationMenu.confirmClear;
    const ok = await part<TimDialog>(host, 'tim-dialog').confirm({
      title: ask.title,
      text: ask.text(host.nameOf(c)),
      confirmLabel: ask.confirm,
      cancelLabel: t.common.cancel,
      danger: true,
    });
    if (!ok) return;
  }
  try {
    if (action === 'pin' || action === 'unpin') await store.pinConversation(id, action === 'pin');
    else if (action === 'mute' || action === 'unmute') await store.setMessageRemindType(id, action === 'mute' ? 'AcceptNotNotify' : 'AcceptAndNotify');
    else if (action === 'markRead') await store.markRead(id);
    else if (action === 'markUnread') await store.markUnread(id, true);
    else if (action === 'clearHistory') await store.clearHistory(id);
    else {
      await store.deleteConversation(id);
      if (id === target.activeConversationId) target.dispatchEvent(new host.events.navigate({ to: 'conversations' }));
    }
    host.done();
  } catch (error) {
    host.fail(error, SCENARIO[action], t.conversationMenu.failed(t.conversationMenu.actions[action]));
  }
}
