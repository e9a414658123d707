import { describe, expect, it } from 'vitest';
import { closestNames, didYouMean } from './closest-names.js';

describe('closestNames', () => {
  const tools = ['get_weather', 'get_forecast', 'compare_temps', 'send_email'];

  it('suggests a name one typo away', () => {
    expect(closestNames('get_wether', tools)).toEqual(['get_weather']);
  });

  it('ignores case', () => {
    expect(closestNames('GET_WEATHER', tools)).toEqual(['get_weather']);
  });

  it('suggests names that contain the given name or are contained in it, closest first', () => {
    expect(closestNames('weather', ['weather_now', 'get_weather', 'whether'])).toEqual([
      'get_weather',
      'weather_now',
      'whether',
    ]);
  });

  it('suggests nothing far away', () => {
    expect(closestNames('launch_rocket', tools)).toEqual([]);
  });

  it('allows more edits for longer names (a third of the length)', () => {
    expect(closestNames('abcdefghi', ['abcdefxyz'])).toEqual(['abcdefxyz']);
    expect(closestNames('abcdefghi', ['abcdewxyz'])).toEqual([]);
  });

  it('returns at most `limit` names, sorted by distance then name', () => {
    const candidates = ['cat', 'bat', 'hat', 'rat', 'cart'];
    expect(closestNames('cat', candidates)).toEqual(['cat', 'bat', 'cart']);
    expect(closestNames('cat', candidates, 5)).toEqual(['cat', 'bat', 'cart', 'hat', 'rat']);
  });
});

describe('didYouMean', () => {
  it('is empty without names', () => {
    expect(didYouMean([])).toBe('');
  });

  it('lists one, two and three names', () => {
    expect(didYouMean(['a'])).toBe(' Did you mean `a`?');
    expect(didYouMean(['a', 'b'])).toBe(' Did you mean `a` or `b`?');
    expect(didYouMean(['a', 'b', 'c'])).toBe(' Did you mean `a`, `b` or `c`?');
  });

  it('does not change the array it is given', () => {
    const names = ['a', 'b'];
    didYouMean(names);
    expect(names).toEqual(['a', 'b']);
  });
});

describe('short names', () => {
  it('does not suggest a one-letter name just because it is contained', () => {
    expect(closestNames('nope', ['e', 'b', 'nope_step'])).toEqual(['nope_step']);
  });
});
