import type { Catalog } from '../catalog.js';

export default {
  newMessages: (n: number) => `새 메시지 ${n}개`,
  mentions: (n: number) => `멘션 ${n}개`,
  latest: '최신 메시지로 이동',
} satisfies Catalog['jumps'];
