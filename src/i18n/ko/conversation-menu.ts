import type { Catalog } from '../catalog.js';

export default {
  actions: {
    pin: '고정',
    unpin: '고정 해제',
    mute: '알림 끄기',
    unmute: '알림 켜기',
    markRead: '읽음으로 표시',
    markUnread: '읽지 않음으로 표시',
    clearHistory: '대화 내용 지우기',
    delete: '대화 삭제',
  },
  menuLabel: (name: string) => `${name} 작업`,
  confirmDelete: {
    title: '이 대화를 삭제할까요?',
    text: (name: string) => `“${name}” 대화와 메시지가 목록에서 삭제됩니다. 되돌릴 수 없습니다.`,
    confirm: '삭제',
  },
  confirmClear: {
    title: '대화 내용을 지울까요?',
    text: (name: string) => `“${name}”의 모든 메시지가 내 기기에서 삭제됩니다. 대화는 목록에 남습니다.`,
    confirm: '내용 지우기',
  },
  failed: (action: string) => `“${action}” 작업을 하지 못했습니다.`,
} satisfies Catalog['conversationMenu'];
