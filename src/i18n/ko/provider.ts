import type { Catalog } from '../catalog.js';

export default { label: '채팅' } satisfies Catalog['provider'];
