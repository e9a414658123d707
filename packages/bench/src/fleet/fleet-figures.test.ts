import { describe, expect, it } from 'vitest';
import { countSideEffects } from './fleet-figures.js';
import type { LedgerRow } from './fleet-ledger.js';

const row = (reference: string, idempotent = false): LedgerRow => ({
  pass: 'fault',
  tool: idempotent ? 'set_newsletter' : 'place_order',
  reference,
  idempotencyKey: `run-${reference}:o`,
  idempotent,
});

describe('countSideEffects', () => {
  it('counts each effect asked for once when the ledger holds it once', () => {
    expect(
      countSideEffects({
        requested: [
          { reference: 'ORD-1', idempotent: false, outcome: 'answered' },
          { reference: 'NL-1', idempotent: true, outcome: 'answered' },
        ],
        rows: [row('ORD-1'), row('NL-1', true)],
      }),
    ).toEqual({
      requested: 2,
      made: 2,
      duplicated: 0,
      lostUnreported: 0,
      reportedFailed: 0,
      repeatedIdempotent: 0,
      unrequested: 0,
    });
  });

  it('counts a second row of an effect that is not idempotent as duplicated, of one that is as a repeat', () => {
    const figures = countSideEffects({
      requested: [
        { reference: 'ORD-1', idempotent: false, outcome: 'answered' },
        { reference: 'NL-1', idempotent: true, outcome: 'answered' },
      ],
      rows: [row('ORD-1'), row('ORD-1'), row('NL-1', true), row('NL-1', true)],
    });
    expect(figures).toMatchObject({ made: 2, duplicated: 1, repeatedIdempotent: 1 });
  });

  it('counts an answered effect missing from the ledger, and a query never answered, as lost unreported', () => {
    const figures = countSideEffects({
      requested: [
        { reference: 'ORD-1', idempotent: false, outcome: 'answered' },
        { reference: 'ORD-2', idempotent: false, outcome: 'unanswered' },
        { reference: 'ORD-3', idempotent: false, outcome: 'unanswered' },
      ],
      rows: [row('ORD-3')],
    });
    expect(figures).toMatchObject({ made: 1, lostUnreported: 2, reportedFailed: 0 });
  });

  it('accepts a failure that was reported, whether or not the effect was made', () => {
    const figures = countSideEffects({
      requested: [
        { reference: 'ORD-1', idempotent: false, outcome: 'reported-failed' },
        { reference: 'ORD-2', idempotent: false, outcome: 'reported-failed' },
      ],
      rows: [row('ORD-2')],
    });
    expect(figures).toMatchObject({ made: 1, lostUnreported: 0, reportedFailed: 2, duplicated: 0 });
  });

  it('counts rows nobody asked for', () => {
    expect(countSideEffects({ requested: [], rows: [row('ORD-9')] }).unrequested).toBe(1);
  });
});
