import type { Catalog } from '../catalog.js';

export default {
  newMessages: (n: number) => `${n} 条新消息`,
  mentions: (n: number) => `${n} 条@我`,
  latest: '回到最新消息',
} satisfies Catalog['jumps'];
