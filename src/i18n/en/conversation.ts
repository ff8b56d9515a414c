/** Strings of the conversation element(s). */
export default {
  /** The list's accessible name. */
  label: 'Conversations',
  loading: 'Loading conversations…',
  empty: 'No conversations yet.',
  emptyAction: 'Find people and groups',
  loadFailed: 'The conversations could not be loaded.',
  draft: '[Draft]',
  typing: 'typing…',
  atMe: '[@me]',
  atAll: '[@all]',
  atMeSpoken: 'Mentions you.',
  atAllSpoken: 'Mentions everyone.',
  pinned: 'Pinned',
  muted: 'Notifications off',
  unread: (count: number) => (count === 1 ? '1 unread message' : `${count} unread messages`),
  markedUnread: 'Marked as unread',
  status: {
    sending: 'Sending',
    failed: 'Not sent',
    sent: 'Sent',
    read: 'Read',
  },
  more: (name: string) => `More actions for ${name}`,
  dismiss: 'Dismiss',
  /** <tim-unread-count> */
  totalUnread: (count: number) => (count === 0 ? 'No unread messages' : count === 1 ? '1 unread message' : `${count} unread messages`),
};
