import type { Catalog } from '../catalog.js';

export default {} satisfies Catalog['profile'];
