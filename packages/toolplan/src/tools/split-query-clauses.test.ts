import { describe, expect, it } from 'vitest';
import { splitQueryClauses } from './split-query-clauses.js';

describe('splitQueryClauses', () => {
  it('splits after sentences and at the words that open another task', () => {
    expect(
      splitQueryClauses(
        'Convert 10 USD to EUR. Then book a table in Rome; also, tell me the time in Tokyo',
      ),
    ).toEqual([
      'Convert 10 USD to EUR.',
      'Then book a table in Rome;',
      'also, tell me the time in Tokyo',
    ]);
    expect(splitQueryClauses('Book a flight to Oslo then find a hotel there')).toEqual([
      'Book a flight to Oslo',
      'find a hotel there',
    ]);
  });

  it('splits at ", and" and at "and" before a new request, not inside a list of things', () => {
    expect(splitQueryClauses('Find the area of a circle, and the derivative of x^2')).toEqual([
      'Find the area of a circle',
      'the derivative of x^2',
    ]);
    expect(splitQueryClauses('Get the price of apples and pears and find a florist')).toEqual([
      'Get the price of apples and pears',
      'find a florist',
    ]);
  });

  it('gives one clause for a request of one task, and none for a blank one', () => {
    expect(splitQueryClauses('Weather in Oslo and Rome tomorrow')).toEqual([
      'Weather in Oslo and Rome tomorrow',
    ]);
    expect(splitQueryClauses(' \n ')).toEqual([]);
  });

  it('keeps abbreviations with inner dots whole', () => {
    expect(splitQueryClauses('from 100 A.D to 1500 A.D.')).toEqual(['from 100 A.D to 1500 A.D.']);
  });
});
