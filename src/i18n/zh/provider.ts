import type { Catalog } from '../catalog.js';

export default { label: '聊天' } satisfies Catalog['provider'];
