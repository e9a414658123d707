import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarkdownFenceTracker } from './markdown-fence-tracker.js';

/** parsePlanText's pattern, applied as it applies it (to the trimmed text). */
const FENCE = /```[A-Za-z]*[ \t]*\r?\n([\s\S]*?)```/g;
/** The same, also matching a fence whose closer has not arrived (yet). */
const OPEN_FENCE = /```[A-Za-z]*[ \t]*\r?\n([\s\S]*?)(```|$)/g;

interface Expected {
  firstBrace: number;
  firstBraceInOtherFence: boolean;
  /** The first fence whose trimmed body starts with `{`: its `{` and its closer, or undefined. */
  braceFence: { brace: number; close: number } | undefined;
}

/** What the tracker must find, worked out with the regular expressions on the whole text. */
function expected(text: string): Expected {
  const firstBrace = text.indexOf('{');
  const lead = text.length - text.trimStart().length;
  let braceFence: Expected['braceFence'];
  for (const match of text.trim().matchAll(FENCE)) {
    const body = match[1] as string;
    if (!body.trim().startsWith('{')) continue;
    const close = lead + match.index + match[0].length - 3;
    braceFence = { brace: close - body.length + (body.length - body.trimStart().length), close };
    break;
  }
  let firstBraceInOtherFence = false;
  if (firstBrace !== -1) {
    const before = text.slice(0, firstBrace);
    for (const match of before.matchAll(OPEN_FENCE)) {
      const unclosed = match[2] === '' && match.index + match[0].length === before.length;
      if (unclosed) firstBraceInOtherFence = (match[1] as string).trim() !== '';
    }
  }
  return { firstBrace, firstBraceInOtherFence, braceFence };
}

function track(text: string, cuts: readonly number[] = []): MarkdownFenceTracker {
  const tracker = new MarkdownFenceTracker();
  const points = [...new Set(cuts.map((cut) => Math.min(text.length, cut)))].sort((a, b) => a - b);
  let from = 0;
  for (const to of [...points, text.length]) {
    if (to <= from) continue;
    tracker.feed(text.slice(from, to), from);
    from = to;
  }
  return tracker;
}

function check(text: string, cuts: readonly number[] = []): void {
  const tracker = track(text, cuts);
  const want = expected(text);
  expect(tracker.firstBrace, 'firstBrace').toBe(want.firstBrace);
  expect(tracker.firstBraceInOtherFence, 'firstBraceInOtherFence').toBe(
    want.firstBraceInOtherFence,
  );
  if (want.braceFence !== undefined) {
    expect(tracker.braceFence, 'braceFence').toBe(want.braceFence.brace);
    expect(tracker.braceFenceClose, 'braceFenceClose').toBe(want.braceFence.close);
  } else {
    expect(tracker.braceFenceClose, 'braceFenceClose').toBe(-1);
    // An opening the tracker reported must be one whose closer never came.
    if (tracker.braceFence !== -1) expect(text.indexOf('```', tracker.braceFence)).toBe(-1);
  }
}

describe('MarkdownFenceTracker', () => {
  it('finds a ```json fence around an object', () => {
    const text = 'Here is the plan:\n```json\n{"steps": []}\n```\nDone.';
    const tracker = track(text);
    expect(tracker.braceFence).toBe(text.indexOf('{'));
    expect(tracker.braceFenceClose).toBe(text.lastIndexOf('```'));
    expect(tracker.firstBrace).toBe(text.indexOf('{'));
    check(text);
  });

  it('skips fences whose body does not start with a brace', () => {
    const text = '```bash\ncurl -d \'{"a": 1}\'\n```\nand\n```\n  {"steps": []}```';
    const tracker = track(text);
    expect(tracker.firstBrace).toBe(text.indexOf('{'));
    expect(tracker.firstBraceInOtherFence).toBe(true);
    expect(tracker.braceFence).toBe(text.indexOf('{"steps"'));
    check(text);
  });

  it('follows the pattern through odd fences', () => {
    const texts = [
      '````json\n{"a": 1}\n````',
      '```js on\n{"a": 1}\n```',
      '```json \t\r\n{"a": 1}```',
      '```json\r\r\n{"a": 1}```',
      '```\n```\n{"a": 1}\n```',
      '``json\n{"a": 1}\n```',
      '```json\n{"a": "```"}\n```',
      '```bash\nls\n```json\n{"a": 1}\n```',
      '```\n\u00a0\ufeff{"a": 1}```',
      '```json\n{"a": 1}',
      'x {"a": 1} ```json\n{"b": 2}\n```',
      '  \n```json\n{}\n```  \n',
    ];
    for (const text of texts) check(text);
  });

  it('agrees with the regular expression on any text, cut anywhere', () => {
    const piece = fc.constantFrom(
      '```',
      '`',
      '```json\n',
      '```\n',
      '```js \r\n',
      '{',
      '}',
      '{"a": 1}',
      'json',
      ' ',
      '\n',
      '\r',
      '\t',
      '\u00a0',
      'x',
      '"',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 25 }).map((pieces) => pieces.join('')),
        fc.array(fc.nat({ max: 200 }), { maxLength: 12 }),
        (text, cuts) => check(text, cuts),
      ),
      { numRuns: 3000 },
    );
  });
});
