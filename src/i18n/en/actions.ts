/** Strings of `<tim-chat>`'s message actions (menu, toolbar, forward, multi-select, read receipts). A lazy area. */
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export default {
  menu: 'Message actions',
  toolbar: 'Actions for this message',
  more: 'More actions',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy the text.',
  quote: 'Reply',
  recall: 'Recall',
  recalled: 'Message recalled',
  reEdit: 'Re-edit',
  edit: 'Edit',
  delete: 'Delete',
  deleteTitle: (n: number) => (n === 1 ? 'Delete this message?' : `Delete ${n} messages?`),
  deleteText: 'They are removed for you only; the others in the conversation still see them.',
  deleted: (n: number) => `${n} ${plural(n, 'message', 'messages')} deleted`,
  forward: 'Forward',
  forwardEach: 'Forward one by one',
  forwardMerged: 'Forward as chat record',
  select: 'Select',
  resend: 'Resend',
  receipts: 'Read receipts',
  // multi-select
  selectMessage: (sender: string) => `Select the message of ${sender}`,
  selected: (n: string) => `${n} selected`,
  selectBar: 'Selected messages',
  cancelSelect: 'Cancel',
  // forward dialog
  forwardTitle: 'Forward to',
  forwardWhat: (n: number, merged: boolean) =>
    merged ? `${n} ${plural(n, 'message', 'messages')} as one chat record` : `${n} ${plural(n, 'message', 'messages')}`,
  searchConversations: 'Search conversations',
  conversations: 'Conversations',
  noConversations: 'No conversations match.',
  sendTo: (n: number) => (n ? `Send (${n})` : 'Send'),
  forwarded: (n: number) => `Forwarded to ${n} ${plural(n, 'conversation', 'conversations')}`,
  // merged record
  recordTitleGroup: (group: string) => `Chat history of ${group}`,
  recordTitlePair: (a: string, b: string) => `Chat history of ${a} and ${b}`,
  recordCompatible: 'A chat record. Update your app to see it.',
  // read receipts
  receiptsTitle: 'Read receipts',
  readBy: (n: string) => `Read (${n})`,
  unreadBy: (n: string) => `Not read yet (${n})`,
  nobody: 'Nobody',
  receiptsFailed: 'The read receipts could not be loaded.',
};
