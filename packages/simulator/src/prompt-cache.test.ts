import { describe, expect, it } from 'vitest';
import { cachedTokensFor, PromptCache, sharedPrefixLength } from './prompt-cache.js';

const range = (length: number, from = 0) => Array.from({ length }, (_, index) => from + index);

describe('cachedTokensFor', () => {
  it('reports nothing below 1,024 shared tokens, then multiples of 128 rounded down', () => {
    expect(cachedTokensFor(0)).toBe(0);
    expect(cachedTokensFor(1023)).toBe(0);
    expect(cachedTokensFor(1024)).toBe(1024);
    expect(cachedTokensFor(1151)).toBe(1024);
    expect(cachedTokensFor(1152)).toBe(1152);
    expect(cachedTokensFor(5000)).toBe(4992);
  });
});

describe('sharedPrefixLength', () => {
  it('counts equal leading tokens', () => {
    expect(sharedPrefixLength([1, 2, 3], [1, 2, 4])).toBe(2);
    expect(sharedPrefixLength([1, 2], [1, 2, 3])).toBe(2);
    expect(sharedPrefixLength([], [1])).toBe(0);
  });
});

describe('PromptCache', () => {
  it('misses the first time and hits the same prompt the second time', () => {
    const cache = new PromptCache(8);
    const prompt = range(2000);
    expect(cache.lookupAndStore(prompt)).toBe(0);
    expect(cache.lookupAndStore(prompt)).toBe(1920);
  });

  it('hits the longest shared prefix among recent prompts', () => {
    const cache = new PromptCache(8);
    cache.lookupAndStore(range(1300));
    cache.lookupAndStore([...range(1500), ...range(10, 90_000)]);
    expect(cache.lookupAndStore([...range(1600), 7])).toBe(1408);
  });

  it('never hits a short prompt, however similar', () => {
    const cache = new PromptCache(8);
    cache.lookupAndStore(range(1000));
    expect(cache.lookupAndStore(range(1000))).toBe(0);
  });

  it('forgets the least recently used prompt first', () => {
    const cache = new PromptCache(2);
    const a = range(1200, 0);
    const b = range(1200, 10_000);
    const c = range(1200, 20_000);
    cache.lookupAndStore(a);
    cache.lookupAndStore(b);
    cache.lookupAndStore(a); // a is now the most recent; b the least
    cache.lookupAndStore(c); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.lookupAndStore(a)).toBe(1152);
    expect(cache.lookupAndStore(b)).toBe(0);
  });

  it('remembers nothing with capacity 0, and nothing after clear()', () => {
    const none = new PromptCache(0);
    none.lookupAndStore(range(2000));
    expect(none.lookupAndStore(range(2000))).toBe(0);
    const cache = new PromptCache(4);
    cache.lookupAndStore(range(2000));
    cache.clear();
    expect(cache.lookupAndStore(range(2000))).toBe(0);
  });
});
