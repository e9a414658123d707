import { createPlanStreamParser } from 'toolplan/internal';
import { median } from '../median.js';

export interface StreamFigures {
  /** Timed batches; each batch parses the text `repeats` times. */
  batches: number;
  repeats: number;
  /** Median time of one parse (every write and end()), ms. */
  medianMs: number;
  /** The part of that spent in end() (it runs parsePlanText on the whole text), ms. */
  endMs: number;
  nsPerByte: number;
  /** 10^6 bytes per second. */
  mbPerSecond: number;
}

/**
 * Times `createPlanStreamParser` over the chunks (already cut and decoded, so only the parser is
 * timed): each parse writes every chunk, then calls end(). Small texts are parsed many times per
 * batch so that a batch covers at least `minBatchBytes`; the median batch is reported.
 */
export function measureStreamParser(options: {
  chunks: readonly string[];
  bytes: number;
  batches: number;
  warmupBatches: number;
  minBatchBytes: number;
}): StreamFigures {
  const { chunks, bytes } = options;
  const repeats = Math.max(1, Math.ceil(options.minBatchBytes / bytes));
  let sink = 0;
  const onStep = (_step: unknown, index: number) => {
    sink += index;
  };
  const totals: number[] = [];
  const ends: number[] = [];
  for (let batch = 0; batch < options.warmupBatches + options.batches; batch += 1) {
    let writing = 0;
    let ending = 0;
    for (let repeat = 0; repeat < repeats; repeat += 1) {
      const started = performance.now();
      const parser = createPlanStreamParser({ onStep });
      for (const chunk of chunks) parser.write(chunk);
      const written = performance.now();
      parser.end();
      const ended = performance.now();
      writing += written - started;
      ending += ended - written;
    }
    if (batch >= options.warmupBatches) {
      totals.push((writing + ending) / repeats);
      ends.push(ending / repeats);
    }
  }
  if (sink < 0) console.log(sink);
  const medianMs = median(totals);
  return {
    batches: options.batches,
    repeats,
    medianMs,
    endMs: median(ends),
    nsPerByte: (medianMs * 1e6) / bytes,
    mbPerSecond: bytes / 1e6 / (medianMs / 1000),
  };
}
