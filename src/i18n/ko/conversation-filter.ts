import type { Catalog } from '../catalog.js';

export default {
  label: '대화 필터',
  placeholder: '이름으로 필터',
  clear: '필터 지우기',
  noMatch: (query: string) => `“${query}”와(과) 일치하는 대화가 없습니다.`,
} satisfies Catalog['conversationFilter'];
