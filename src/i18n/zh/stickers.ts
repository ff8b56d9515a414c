import type { Catalog } from '../catalog.js';

export default {
  smile: '微笑',
  laugh: '大笑',
  love: '喜欢',
  wink: '眨眼',
  cool: '酷',
  surprised: '惊讶',
  sad: '难过',
  angry: '生气',
  thumbsUp: '点赞',
  heart: '爱心',
  party: '庆祝',
  thanks: '谢谢',
} satisfies Catalog['stickers'];
