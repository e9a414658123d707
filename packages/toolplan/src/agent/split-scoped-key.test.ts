import { describe, expect, it } from 'vitest';
import { scopedCallKey, shareKey } from '../runtime/index.js';
import { splitScopedKey } from './split-scoped-key.js';

describe('splitScopedKey', () => {
  it('splits a scope’s key and a run’s key from the call key that follows', () => {
    const call = 'profile\u0000{"field":"email"}';
    expect(
      splitScopedKey(scopedCallKey(shareKey({ shareScope: 'tenant-1', runId: 'r' }), call)),
    ).toEqual({ kind: 'scope', name: 'tenant-1', call });
    expect(
      splitScopedKey(scopedCallKey(shareKey({ shareScope: undefined, runId: 'r' }), call)),
    ).toEqual({ kind: 'run', name: 'r', call });
  });

  it('reads a scope holding brackets and quotes as one scope', () => {
    const scope = 'a"]["scope","b';
    const key = scopedCallKey(shareKey({ shareScope: scope, runId: 'r' }), 'tool\u0000[1]');
    expect(splitScopedKey(key)).toEqual({ kind: 'scope', name: scope, call: 'tool\u0000[1]' });
  });

  it('refuses what is not a scoped key', () => {
    expect(splitScopedKey('tool\u0000{}')).toBeUndefined();
    expect(splitScopedKey('["other","x"]tool')).toBeUndefined();
    expect(splitScopedKey('["scope",1]tool')).toBeUndefined();
    expect(splitScopedKey('["scope","x"')).toBeUndefined();
  });
});
