import type { Catalog } from '../catalog.js';

export default {
  label: '筛选会话',
  placeholder: '按名称筛选',
} satisfies Catalog['conversationFilter'];
