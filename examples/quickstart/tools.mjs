// Your own tools: what a model may call. Here, a currency service (a fixed table behind a
// realistic delay, so the example needs no network and no key).
import { z } from 'zod';
import { defineTool } from 'toolplan';

const PER_EURO = { EUR: 1, USD: 1.08, GBP: 0.85, JPY: 162.4, CHF: 0.95 };

const delay = (ms, signal) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

export default [
  defineTool({
    name: 'get_rate',
    description:
      'Exchange rate between two currencies (ISO codes): units of `to` per unit of `from`.',
    inputSchema: z.object({ from: z.string().length(3), to: z.string().length(3) }),
    readOnly: true, // no side effects: may start while the plan is still streaming, be speculated, be cached
    idempotent: true, // safe to retry after a failure
    async execute({ from, to }, { signal }) {
      await delay(150, signal);
      if (!(from in PER_EURO) || !(to in PER_EURO))
        throw new Error(`Unknown currency ${from} or ${to}`);
      return { from, to, rate: Math.round((PER_EURO[to] / PER_EURO[from]) * 10000) / 10000 };
    },
  }),
  defineTool({
    name: 'convert',
    description: 'An amount multiplied by a rate, rounded to 2 decimals.',
    inputSchema: z.object({ amount: z.number(), rate: z.number() }),
    readOnly: true,
    execute: ({ amount, rate }) => ({ amount: Math.round(amount * rate * 100) / 100 }),
  }),
];
