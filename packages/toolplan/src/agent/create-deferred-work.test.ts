import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKGROUND_ERROR_WARNING_CODE, createDeferredWork } from './create-deferred-work.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createDeferredWork', () => {
  it('runs the work after the caller, and the work behind one that throws', async () => {
    const done: string[] = [];
    const errors: unknown[] = [];
    const work = createDeferredWork({ onError: (error) => errors.push(error) });
    work.defer(() => done.push('a'));
    work.defer(() => {
      throw new Error('the trace store is closed');
    });
    work.defer(() => done.push('c'));
    expect(done).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toEqual(['a', 'c']);
    expect(errors).toEqual([new Error('the trace store is closed')]);
    expect(work.pending).toBe(0);
  });

  it('reports a failure as a process warning by default, never by throwing', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const work = createDeferredWork();
    work.defer(() => {
      throw new Error('disk full');
    });
    // Thrown into the process, this would be an uncaught exception: flush must return.
    expect(() => work.flush()).not.toThrow();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('disk full'),
      expect.objectContaining({ code: BACKGROUND_ERROR_WARNING_CODE }),
    );
  });

  it('survives a listener that throws', () => {
    const work = createDeferredWork({
      onError: () => {
        throw new Error('listener broke');
      },
    });
    work.defer(() => {
      throw new Error('work broke');
    });
    expect(() => work.flush()).not.toThrow();
  });
});
