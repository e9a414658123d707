import { describe, expect, it } from 'vitest';
import { extractQueryEntities } from './extract-query-entities.js';

describe('extractQueryEntities', () => {
  it('finds names, dates, numbers and quoted strings in order, flagging sentence openers', () => {
    expect(
      extractQueryEntities(
        'Compare the weather in Boston and New York on 2024-01-20 for 3 days. Search "solid state" news.',
      ),
    ).toEqual([
      { text: 'Compare', shape: 'name', sentenceInitial: true },
      { text: 'Boston', shape: 'name', sentenceInitial: false },
      { text: 'New York', shape: 'name', sentenceInitial: false },
      { text: '2024-01-20', shape: 'date', sentenceInitial: false },
      { text: '3', shape: 'number', sentenceInitial: false },
      { text: 'Search', shape: 'name', sentenceInitial: true },
      { text: 'solid state', shape: 'quoted', sentenceInitial: false },
    ]);
  });

  it('reads an apostrophe as part of a word, not as a quote', () => {
    expect(extractQueryEntities("what's Oslo's weather").map((entity) => entity.text)).toEqual([
      "Oslo's",
    ]);
  });
});
