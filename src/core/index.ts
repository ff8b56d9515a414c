/**
 * `tim-elements/core`: the ChatCore contract, its entities, errors and the helpers every core and
 * element shares. No Lit and no DOM rendering in here.
 */
export * from './types.js';
export * from './contract.js';
export * from './errors.js';
export * from './validation.js';
export * from './order.js';
export * from './preview.js';
export { CoreEmitter } from './emitter.js';
export * from './faults.js';
