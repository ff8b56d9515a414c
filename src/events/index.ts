export * from './navigate.js';
export * from './error.js';
export * from './before.js';
export * from './session.js';
export * from './profile.js';
export * from './conversation.js';
export * from './send.js';
export * from './message.js';
