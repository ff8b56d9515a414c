import type { Catalog } from '../catalog.js';

export default {
  actions: {
    pin: '置顶',
    unpin: '取消置顶',
    mute: '消息免打扰',
    unmute: '取消免打扰',
    markRead: '标为已读',
    markUnread: '标为未读',
    clearHistory: '清空聊天记录',
    delete: '删除会话',
  },
  menuLabel: (name: string) => `“${name}”的操作`,
  confirmDelete: {
    title: '删除此会话？',
    text: (name: string) => `“${name}”及其消息将从你的列表中移除，此操作无法撤销。`,
    confirm: '删除',
  },
  confirmClear: {
    title: '清空聊天记录？',
    text: (name: string) => `“${name}”中的所有消息将为你删除，会话仍保留在列表中。`,
    confirm: '清空',
  },
  failed: (action: string) => `“${action}”失败。`,
} satisfies Catalog['conversationMenu'];
