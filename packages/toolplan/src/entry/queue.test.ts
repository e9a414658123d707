import { describe, expect, it } from 'vitest';
import * as queue from 'toolplan/queue';

describe('the `toolplan/queue` entry', () => {
  it('exports exactly the designed values, and loads without connecting anywhere', () => {
    expect(Object.keys(queue).sort()).toEqual([
      'QueueConnectionError',
      'QueuedCallError',
      'WORKER_DIED_REASON',
      'WorkerDiedError',
      'queueTool',
      'queueTools',
      'startToolWorker',
    ]);
  });
});
