export * from './tim-context.js';
export * from './store-controller.js';
export * from './localize-controller.js';
