import os from 'node:os';
import { z } from 'zod';
import {
  compressResult,
  countTokens,
  countTokensUpTo,
  createToolRegistry,
  defineTool,
  fitPrompt,
  PlanValidationError,
  validatePlan,
} from 'toolplan/internal';
import { formatTable } from '../executor/format-table.js';

// The bounded-work benchmark (issue 17, part 6): `npm run bench:bounded`. Not a test. How long
// the event loop is blocked by work on untrusted input — results from tools and plans from the
// model — of about 10 MB, and by the hostile inputs that once stalled or crashed it. The target:
// a 10 MB result or plan costs at most about a second.

const MB = 1024 * 1024;
const TARGET_MS = 1_000;

/** Letters from a fixed-seed generator: no two runs alike, so no cache hides the cost. */
function seededText(length: number, first: number, span: number): string {
  let seed = 7;
  const parts: string[] = [];
  const codes = new Array<number>(8_192);
  for (let start = 0; start < length; start += codes.length) {
    const size = Math.min(codes.length, length - start);
    for (let index = 0; index < size; index += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      codes[index] = first + (seed % span);
    }
    parts.push(String.fromCharCode(...codes.slice(0, size)));
  }
  return parts.join('');
}

function jsonResult(bytes: number): unknown {
  const rows: unknown[] = [];
  let size = 0;
  for (let index = 0; size < bytes; index += 1) {
    const row = { id: index, name: `Item ${index}`, tags: ['alpha', 'beta'], score: index / 7 };
    size += JSON.stringify(row).length + 1;
    rows.push(row);
  }
  return { rows };
}

/** About the first megabyte of `text` in UTF-8 (a third as many characters for CJK). */
function firstMegabyte(text: string): string {
  return text.slice(0, Math.floor((MB * text.length) / Buffer.byteLength(text)));
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

const tools = createToolRegistry([
  defineTool({
    name: 'echo',
    description: 'Returns its input.',
    inputSchema: z.object({ text: z.string().optional(), rows: z.array(z.unknown()).optional() }),
    readOnly: true,
    execute: (input) => input,
  }),
]);
const tool = tools.get('echo');

/** Times one synchronous call: the event loop is blocked exactly that long. */
function time(run: () => string): { ms: number; outcome: string } {
  const start = performance.now();
  const outcome = run();
  return { ms: performance.now() - start, outcome };
}

function validationOutcome(plan: unknown): string {
  try {
    return `valid, ${validatePlan(plan, { tools }).steps.length} step(s)`;
  } catch (error) {
    if (error instanceof PlanValidationError)
      return `PlanValidationError ${error.issues.map((issue) => issue.code).join(', ')}`;
    throw error;
  }
}

function main(): void {
  console.log(
    `toolplan bounded-work benchmark — Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown'} (${os.availableParallelism()} cores), ${process.platform} ${process.arch}`,
  );
  // Warm-up: the tokenizer's tables load on the first count (~80 ms), not in any row below.
  countTokens('warm up');

  const letters = seededText(10 * MB, 0x61, 26);
  // Three UTF-8 bytes a character: 10 MB of CJK is a third as many characters as of letters.
  const cjk = seededText(Math.floor((10 * MB) / 3), 0x4e00, 20_000);
  const json = jsonResult(10 * MB);
  const deepPlanText = `{"steps":[{"id":"a","tool":"echo","args":{"text":${'['.repeat(6_000)}1${']'.repeat(6_000)}}}]}`;
  const bigPlan = {
    steps: Array.from({ length: 100 }, (_, index) => ({
      id: `s${index}`,
      tool: 'echo',
      args: { text: `${seededText(100 * 1024, 0x61, 26).replace(/(.{8})/g, '$1 ')}` },
    })),
    answer: Array.from({ length: 5_000 }, (_, index) => `\${s${index % 100}.text}`).join(' '),
  };

  const cases: Array<{ name: string; bytes: number; run: () => string }> = [
    ...(
      [
        ['letters', letters],
        ['CJK', cjk],
        ['JSON', JSON.stringify(json)],
      ] as const
    ).flatMap(([name, text]) => [
      {
        name: `does 10 MB of ${name} fit 800 tokens (countTokensUpTo)`,
        bytes: Buffer.byteLength(text),
        run: () => `${countTokensUpTo(text, 800) > 800 ? 'no' : 'yes'}`,
      },
      {
        name: `count tokens of 1 MB of ${name} (countTokens)`,
        bytes: Buffer.byteLength(firstMegabyte(text)),
        run: () => `${countTokens(firstMegabyte(text)).toLocaleString('en-US')} tokens`,
      },
    ]),
    ...(
      [
        ['letters', letters],
        ['CJK', cjk],
        ['JSON', json],
      ] as const
    ).flatMap(([name, value]) => [
      {
        name: `compress a 10 MB result of ${name} (compressResult)`,
        bytes: Buffer.byteLength(JSON.stringify(value)),
        run: () => {
          const result = compressResult({ tool, value, id: 'r' });
          return `${result.tokens} tokens, ${result.cuts.length} cut(s)`;
        },
      },
    ]),
    {
      name: 'compress a result nested 10,000 deep (compressResult)',
      // Its JSON, which JSON.stringify itself cannot write (it overflows the stack).
      bytes: 2 * 10_000 + 1,
      run: () => {
        const result = compressResult({ tool, value: nested(10_000), id: 'r' });
        return `${result.tokens} tokens, ${result.cuts.length} cut(s)`;
      },
    },
    {
      name: 'fit a prompt around a 10 MB result of CJK (fitPrompt)',
      bytes: Buffer.byteLength(cjk),
      run: () => {
        const { report } = fitPrompt({
          purpose: 'answer',
          budget: 4_000,
          text: { results: { page: cjk }, render: (results) => JSON.stringify(results) },
          build: (text) => [{ role: 'user', content: [{ type: 'text', text }] }],
        });
        return `${report.tokens} tokens`;
      },
    },
    {
      name: 'validate a 10 MB plan (100 steps, 5,000 references)',
      bytes: Buffer.byteLength(JSON.stringify(bigPlan)),
      run: () => validationOutcome(bigPlan),
    },
    {
      name: 'validate a 12 KB plan nested 6,000 deep',
      bytes: deepPlanText.length,
      run: () => validationOutcome(JSON.parse(deepPlanText)),
    },
    {
      name: 'validate a plan with 1,000,000 ${a.text} references',
      bytes: 9 * 1_000_000,
      run: () =>
        validationOutcome({
          steps: [{ id: 'a', tool: 'echo', args: {} }],
          answer: '${a.text}'.repeat(1_000_000),
        }),
    },
  ];

  const rows: string[][] = [];
  const over: string[] = [];
  for (const { name, bytes, run } of cases) {
    const { ms, outcome } = time(run);
    const perMb = bytes === 0 ? '–' : (ms / (bytes / MB)).toFixed(1);
    rows.push([name, (bytes / MB).toFixed(2), ms.toFixed(0), perMb, outcome]);
    if (ms > TARGET_MS && !name.startsWith('count tokens of 1 MB')) over.push(name);
  }
  console.log(formatTable([['work', 'MB', 'ms', 'ms/MB', 'outcome']], rows));
  console.log(
    over.length === 0
      ? `Every bounded row took at most ${TARGET_MS} ms (full counts of 1 MB are shown for their cost per MB, not held to it).`
      : `Over ${TARGET_MS} ms: ${over.join('; ')}.`,
  );
}

main();
