import type { Catalog } from '../catalog.js';

export default {
  smile: '미소',
  laugh: '웃음',
  love: '좋아요',
  wink: '윙크',
  cool: '멋져요',
  surprised: '놀람',
  sad: '슬픔',
  angry: '화남',
  thumbsUp: '최고',
  heart: '하트',
  party: '축하',
  thanks: '고마워요',
} satisfies Catalog['stickers'];
