export * from './plan/index.js';
export * from './tools/index.js';
export * from './runtime/index.js';
export * from './model/index.js';
export * from './context/index.js';
export * from './agent/index.js';
export * from './trace/index.js';
