import type { Catalog } from '../catalog.js';

export default {
  loading: '불러오는 중…',
  retry: '다시 시도',
  cancel: '취소',
  confirm: '확인',
  close: '닫기',
  save: '저장',
  delete: '삭제',
  back: '뒤로',
  more: '더 보기',
  search: '검색',
  you: '나',
  loginAgain: '다시 로그인',
  offline: '네트워크를 사용할 수 없습니다. 다시 연결하는 중…',
  connecting: '연결 중…',
  loggedOut: '로그아웃되었습니다.',
  noProvider: '이 요소는 core가 있는 <tim-provider> 안에 있어야 합니다.',
  kicked: {
    multipleAccount: '다른 곳에서 로그인하여 여기서는 로그아웃되었습니다.',
    multipleDevice: '다른 기기에서 로그인하여 여기서는 로그아웃되었습니다.',
    userSigExpired: '세션이 만료되었습니다. 다시 로그인하세요.',
    REST_API_Kick: '서비스에 의해 로그아웃되었습니다.',
  },
  online: '온라인',
  offlineStatus: '오프라인',
  avatarOf: (name: string) => `${name}의 프로필 사진`,
} satisfies Catalog['common'];
