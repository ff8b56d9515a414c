/**
 * Strings of `<tim-chat>`'s composer. A lazy area: the composer's chunk provides the English strings
 * (`provideSourceArea`), so the initial bundle does not carry them.
 */
export default {
  input: 'Message',
  placeholder: (name: string) => `Message ${name}`,
  send: 'Send',
  save: 'Save',
  emoji: 'Emoji',
  stickers: 'Stickers',
  attach: 'Attach a file',
  quoting: (name: string) => `Replying to ${name}`,
  editing: 'Editing message',
  cancelQuote: 'Cancel the reply',
  cancelEdit: 'Cancel editing',
  editHint: 'Enter to save · Escape to cancel',
  /** Counter near the byte limit. */
  bytesLeft: (left: string) => `${left} left`,
  tooLong: (over: string) => `The message is too long by ${over}. Shorten it to send.`,
  // disabled reasons
  disabled: {
    offline: 'You are offline. Messages can be sent once the connection is back.',
    kicked: 'You are logged out here. Log in again to send messages.',
    notMember: 'You are not a member of this group.',
    muted: 'You are muted in this group.',
    mutedUntil: (time: string) => `You are muted in this group until ${time}.`,
    mutedAll: 'Only the owner and admins can send messages in this group.',
    blocked: 'You blocked this person. Unblock them to send messages.',
  },
  // emoji picker
  emojiSearch: 'Search emoji',
  noEmoji: 'No emoji found',
  categories: {
    smileys: 'Smileys',
    people: 'People',
    nature: 'Nature',
    food: 'Food',
    activities: 'Activities',
    travel: 'Travel',
    objects: 'Objects',
    symbols: 'Symbols',
  },
  // mentions
  mentionList: 'Mention a member',
  mentionAll: 'All',
  mentionAllHint: 'Notify everyone in the group',
  // attachments
  attachments: 'Attachments',
  removeAttachment: (name: string) => `Remove ${name}`,
  dropHere: 'Drop files to send them',
  uploading: (name: string, percent: string) => `Uploading ${name}: ${percent}`,
  mediaUnsupported: 'Files cannot be sent here.',
  fileTooLarge: (name: string, max: string) => `${name} is too large. The limit is ${max}.`,
  fileEmpty: (name: string) => `${name} is empty.`,
  sendFailed: 'The message was not sent.',
  editFailed: 'The message could not be edited.',
};
