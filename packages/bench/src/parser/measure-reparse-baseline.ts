import { parsePartialJson } from 'ai';
import { median } from '../median.js';

export interface BaselineFigures {
  runs: number;
  medianMs: number;
  nsPerByte: number;
  mbPerSecond: number;
  /** Complete steps the baseline had seen when the text ended (a check: all of them). */
  stepsSeen: number;
}

/**
 * The seed's approach, re-parse per chunk: after each chunk, parse the whole buffer so far with
 * the AI SDK's `parsePartialJson` (JSON.parse, and when that fails, close the open strings and
 * brackets and JSON.parse again — what `streamObject` does) and count the steps that are complete
 * (all but the last while the text is unfinished). Quadratic in the text's length.
 */
export async function measureReparseBaseline(options: {
  chunks: readonly string[];
  bytes: number;
  /** Repeat while the runs so far took less than this, up to `maxRuns`. */
  repeatBelowMs: number;
  maxRuns: number;
}): Promise<BaselineFigures> {
  const samples: number[] = [];
  let stepsSeen = 0;
  let spent = 0;
  while (
    samples.length < options.maxRuns &&
    (samples.length === 0 || spent < options.repeatBelowMs)
  ) {
    const started = performance.now();
    stepsSeen = await reparsePerChunk(options.chunks);
    const elapsed = performance.now() - started;
    samples.push(elapsed);
    spent += elapsed;
  }
  const medianMs = median(samples);
  return {
    runs: samples.length,
    medianMs,
    nsPerByte: (medianMs * 1e6) / options.bytes,
    mbPerSecond: options.bytes / 1e6 / (medianMs / 1000),
    stepsSeen,
  };
}

async function reparsePerChunk(chunks: readonly string[]): Promise<number> {
  let buffer = '';
  let complete = 0;
  for (const chunk of chunks) {
    buffer += chunk;
    const { value, state } = await parsePartialJson(buffer);
    const steps = isRecord(value) ? value['steps'] : undefined;
    if (Array.isArray(steps)) {
      const seen = state === 'successful-parse' ? steps.length : Math.max(0, steps.length - 1);
      if (seen > complete) complete = seen;
    }
  }
  return complete;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
