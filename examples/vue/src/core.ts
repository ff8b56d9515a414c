import { createLocalCore } from 'tim-elements/core/local';

// LocalCore: the whole service in this browser (IndexedDB), seeded with demo users and conversations.
// A plain module constant, never put in reactive state: Vue's proxies would wrap its private fields.
export const core = await createLocalCore({ dbName: 'tim-example-vue', seed: 'demo' });
