import type { Catalog } from '../catalog.js';

export default {
  label: '筛选会话',
  placeholder: '按名称筛选',
  clear: '清除筛选',
  noMatch: (query: string) => `没有与“${query}”匹配的会话。`,
} satisfies Catalog['conversationFilter'];
