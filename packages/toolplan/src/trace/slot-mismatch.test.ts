import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findParamDestinations } from './find-param-destinations.js';
import { kindOf, learnSlotProfile, shapeOf } from './learn-slot-profile.js';
import { schemaConstraintsAt } from './schema-constraints-at.js';
import { slotMismatch } from './slot-mismatch.js';

describe('learnSlotProfile', () => {
  it('reads each value’s kind from its shape', () => {
    expect(
      ['Paris', 'New York', 'AAPL', 'alice', 42, '7', '2024-01-20', 'P-101'].map(kindOf),
    ).toEqual(['name', 'name', 'code', 'word', 'number', 'number', 'token', 'token']);
    expect(shapeOf('2024-01-20')).toBe('9-9-9');
    expect(shapeOf('P-101')).toBe('A-9');
  });

  it('learns kinds, word counts, a numeric range and shapes', () => {
    expect(learnSlotProfile(['Paris', 'New York', 'NYC'])).toEqual({
      kinds: ['code', 'name'],
      words: { min: 1, max: 2 },
    });
    expect(learnSlotProfile([3, 5, 4])).toEqual({
      kinds: ['number'],
      range: { min: 3, max: 5, integer: true },
    });
    expect(learnSlotProfile(['2024-01-20'])).toEqual({
      kinds: ['token'],
      words: { min: 1, max: 1 },
      shapes: ['9-9-9'],
    });
    expect(learnSlotProfile([])).toBeUndefined();
  });
});

describe('slotMismatch', () => {
  const names = learnSlotProfile(['Paris']) as NonNullable<ReturnType<typeof learnSlotProfile>>;
  const codes = learnSlotProfile(['EUR']) as NonNullable<ReturnType<typeof learnSlotProfile>>;
  const words = learnSlotProfile(['alice']) as NonNullable<ReturnType<typeof learnSlotProfile>>;
  const numbers = learnSlotProfile([10, 20, 15]) as NonNullable<
    ReturnType<typeof learnSlotProfile>
  >;
  const dates = learnSlotProfile(['2024-01-20']) as NonNullable<
    ReturnType<typeof learnSlotProfile>
  >;

  it('takes a proper name of one to three words, nothing else in it', () => {
    expect(slotMismatch({ profile: names, value: 'San Diego' })).toBeUndefined();
    expect(slotMismatch({ profile: names, value: 'Paris tomorrow' })).toMatch(/tomorrow/);
    expect(slotMismatch({ profile: names, value: 'Paris Tomorrow' })).toMatch(/Tomorrow/);
    expect(slotMismatch({ profile: names, value: "Alice's" })).toMatch(/not part of a proper name/);
    expect(slotMismatch({ profile: names, value: 'Los Angeles North Side' })).toMatch(/more words/);
    expect(slotMismatch({ profile: names, value: 'BTC' })).toMatch(/not part of a proper name/);
  });

  it('takes a code only when seen or in the enum', () => {
    expect(slotMismatch({ profile: codes, value: 'EUR', entities: ['EUR'] })).toBeUndefined();
    expect(slotMismatch({ profile: codes, value: 'BTC', entities: ['EUR'] })).toMatch(/never seen/);
    expect(
      slotMismatch({ profile: codes, value: 'GBP', constraints: [{ enum: ['EUR', 'GBP'] }] }),
    ).toBeUndefined();
    expect(
      slotMismatch({ profile: codes, value: 'BTC', constraints: [{ enum: ['EUR', 'GBP'] }] }),
    ).toMatch(/not one of the values/);
  });

  it('takes lower-case words as many as were seen', () => {
    expect(slotMismatch({ profile: words, value: 'bruno' })).toBeUndefined();
    expect(slotMismatch({ profile: words, value: 'bruno silva' })).toMatch(/2 words/);
    expect(slotMismatch({ profile: words, value: 'Bruno' })).toMatch(/not a lower-case word/);
    expect(slotMismatch({ profile: words, value: 'not' })).toMatch(/changes the request/);
  });

  it('takes a number within the range seen and within the schema’s bounds, no further', () => {
    expect(slotMismatch({ profile: numbers, value: 10 })).toBeUndefined();
    expect(slotMismatch({ profile: numbers, value: 12 })).toBeUndefined();
    expect(slotMismatch({ profile: numbers, value: 20 })).toBeUndefined();
    // Just past what was seen is a miss: the tool's limit may lie right there (30 listed, 35 not).
    expect(slotMismatch({ profile: numbers, value: 21 })).toMatch(/above the 20 seen/);
    expect(slotMismatch({ profile: numbers, value: 9 })).toMatch(/below the 10 seen/);
    expect(slotMismatch({ profile: numbers, value: 12.5 })).toMatch(/whole number/);
    // The schema narrows what was seen; it never widens it.
    const bounded = [{ minimum: 1, maximum: 100 }];
    expect(slotMismatch({ profile: numbers, value: 15, constraints: bounded })).toBeUndefined();
    expect(slotMismatch({ profile: numbers, value: 90, constraints: bounded })).toMatch(
      /above the 20 seen/,
    );
    expect(slotMismatch({ profile: numbers, value: 18, constraints: [{ maximum: 16 }] })).toMatch(
      /above the 16 allowed/,
    );
    // No values seen (a developer's chain): the schema alone bounds the slot.
    const unseen = { kinds: ['number' as const] };
    expect(slotMismatch({ profile: unseen, value: 90, constraints: bounded })).toBeUndefined();
    expect(slotMismatch({ profile: unseen, value: 0, constraints: bounded })).toMatch(
      /below the 1 allowed/,
    );
  });

  it('takes a token of a seen shape, or of the schema’s format', () => {
    expect(slotMismatch({ profile: dates, value: '2025-12-31' })).toBeUndefined();
    expect(slotMismatch({ profile: dates, value: '20/01/2024' })).toMatch(/shape/);
    expect(
      slotMismatch({ profile: names, value: '2024-01-20', constraints: [{ format: 'date' }] }),
    ).toBeUndefined();
    expect(
      slotMismatch({ profile: dates, value: '2024-01-200', constraints: [{ format: 'date' }] }),
    ).toMatch(/format/);
    expect(
      slotMismatch({ profile: codes, value: 'EUR', constraints: [{ pattern: '^[a-z]+$' }] }),
    ).toMatch(/pattern/);
  });
});

describe('schemaConstraintsAt and findParamDestinations', () => {
  it('reads enums, bounds, patterns and formats, but not zod’s integer limits', () => {
    const schema = z.toJSONSchema(
      z.object({
        limit: z.number().int().min(1),
        to: z.enum(['EUR', 'USD']),
        day: z.iso.date(),
        items: z.array(z.object({ code: z.string().regex(/^[A-Z]{3}$/) })),
      }),
    );
    expect(schemaConstraintsAt(schema, ['limit'])).toEqual({ minimum: 1, integer: true });
    expect(schemaConstraintsAt(schema, ['to'])).toEqual({ enum: ['EUR', 'USD'] });
    expect(schemaConstraintsAt(schema, ['day'])).toMatchObject({ format: 'date' });
    expect(schemaConstraintsAt(schema, ['items', 0, 'code'])).toEqual({
      pattern: '^[A-Z]{3}$',
    });
    expect(schemaConstraintsAt(schema, ['missing'])).toEqual({});
  });

  it('finds where a parameter lands whole, a list’s items included', () => {
    const plan = {
      steps: [
        { id: 'w', tool: 'get_weather', forEach: '$params.cities', args: { city: '$item' } },
        { id: 's', tool: 'search', args: { q: 'near ${params.cities}', limit: '$params.n' } },
      ],
    };
    expect(findParamDestinations(plan, 'cities')).toEqual([
      { tool: 'get_weather', path: ['city'] },
    ]);
    expect(findParamDestinations(plan, 'n')).toEqual([{ tool: 'search', path: ['limit'] }]);
  });
});
