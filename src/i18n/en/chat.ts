/** Strings of the chat element(s). */
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export default {
  // header
  openProfile: (name: string) => `Open the profile of ${name}`,
  /** What the header's title (the name and the status line) does, said after its name. */
  profileHint: 'Open the profile',
  groupHint: 'Open the group',
  searchIn: 'Search in this conversation',
  members: (count: string, n: number) => `${count} ${plural(n, 'member', 'members')}`,
  typing: 'typing…',
  typingNames: (names: string[]) =>
    names.length === 1 ? `${names[0]} is typing…` : names.length === 2 ? `${names[0]} and ${names[1]} are typing…` : `${names.length} people are typing…`,
  // history
  history: (name: string) => `Messages with ${name}`,
  noConversation: 'Pick a conversation to start chatting.',
  empty: 'No messages yet. Say hello!',
  loadFailed: 'The messages could not be loaded.',
  olderFailed: 'Earlier messages could not be loaded.',
  composerUnavailable: 'The message box could not be loaded. Check your connection, then reload the page.',
  /** In the bubble of a message whose drawing code could not be loaded (offline). */
  unshown: 'This message cannot be shown until the page is reloaded.',
  beginning: 'This is the beginning of the conversation.',
  loadingOlder: 'Loading earlier messages…',
  unread: 'Unread messages',
  // status
  sending: 'Sending…',
  failed: 'Not sent',
  sent: 'Sent',
  read: 'Read',
  readCount: (n: number) => `${n} read`,
  allRead: 'All read',
  edited: 'edited',
  showMore: 'Show more',
  // bodies
  image: 'Image',
  imageNamed: (name: string) => `Image ${name}`,
  viewImage: 'View the image',
  sticker: 'Sticker',
  /** Said before the quoted sender and text of a reply. */
  inReplyTo: 'In reply to',
  // accessibility
  messageLabel: (sender: string, time: string, status: string) => [sender, time, status].filter(Boolean).join(', '),
  lightbox: 'Image viewer',
};
