import type { Catalog } from '../catalog.js';

export default {
  label: '대화 필터',
  placeholder: '이름으로 필터',
} satisfies Catalog['conversationFilter'];
