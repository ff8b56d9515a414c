import type { Catalog } from '../catalog.js';

export default {
  label: '会话列表',
  loading: '正在加载会话…',
  empty: '还没有会话。',
  emptyAction: '查找联系人和群组',
  loadFailed: '会话列表加载失败。',
  draft: '[草稿]',
  typing: '对方正在输入…',
  atMe: '[有人@我]',
  atAll: '[@所有人]',
  atMeSpoken: '有人提到了你。',
  atAllSpoken: '有人@了所有人。',
  pinned: '已置顶',
  muted: '消息免打扰',
  unread: (count: number) => `${count} 条未读消息`,
  markedUnread: '已标为未读',
  status: {
    sending: '发送中',
    failed: '发送失败',
    sent: '已发送',
    read: '已读',
  },
  more: (name: string) => `“${name}”的更多操作`,
  dismiss: '关闭',
  totalUnread: (count: number) => (count === 0 ? '没有未读消息' : `${count} 条未读消息`),
} satisfies Catalog['conversation'];
