import { createMemoryTraceStore } from './create-memory-trace-store.js';
import { describeTraceStoreContract } from './trace-store.contract.test-utils.js';

describeTraceStoreContract('memory', (options) => createMemoryTraceStore(options));
