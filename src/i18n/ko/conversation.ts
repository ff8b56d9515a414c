import type { Catalog } from '../catalog.js';

export default {
  label: '대화 목록',
  loading: '대화를 불러오는 중…',
  empty: '아직 대화가 없습니다.',
  emptyAction: '사람과 그룹 찾기',
  loadFailed: '대화 목록을 불러오지 못했습니다.',
  draft: '[임시 저장]',
  typing: '입력 중…',
  atMe: '[@나]',
  atAll: '[@모두]',
  atMeSpoken: '나를 언급했습니다.',
  atAllSpoken: '모두를 언급했습니다.',
  pinned: '고정됨',
  muted: '알림 끔',
  unread: (count: number) => `읽지 않은 메시지 ${count}개`,
  markedUnread: '읽지 않음으로 표시됨',
  status: {
    sending: '보내는 중',
    failed: '전송 실패',
    sent: '보냄',
    read: '읽음',
  },
  more: (name: string) => `${name} 작업 더 보기`,
  dismiss: '닫기',
  totalUnread: (count: number) => (count === 0 ? '읽지 않은 메시지 없음' : `읽지 않은 메시지 ${count}개`),
} satisfies Catalog['conversation'];
