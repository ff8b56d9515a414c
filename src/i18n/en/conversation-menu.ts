/**
 * Strings of a conversation's action menu (the list's lazy actions chunk, which provides them with
 * `provideSourceArea`, so the initial bundle does not carry them).
 */
export default {
  actions: {
    pin: 'Pin',
    unpin: 'Unpin',
    mute: 'Mute notifications',
    unmute: 'Unmute notifications',
    markRead: 'Mark as read',
    markUnread: 'Mark as unread',
    clearHistory: 'Clear chat history',
    delete: 'Delete conversation',
  },
  menuLabel: (name: string) => `Actions for ${name}`,
  confirmDelete: {
    title: 'Delete this conversation?',
    text: (name: string) => `“${name}” and its messages will be removed from your list. This cannot be undone.`,
    confirm: 'Delete',
  },
  confirmClear: {
    title: 'Clear the chat history?',
    text: (name: string) => `Every message in “${name}” will be deleted for you. The conversation stays in your list.`,
    confirm: 'Clear history',
  },
  failed: (action: string) => `“${action}” did not work.`,
};
