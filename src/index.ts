export * from './plan/index.js';
export * from './tools/index.js';
export * from './runtime/index.js';
