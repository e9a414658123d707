import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4StreamPart,
} from '@ai-sdk/provider-v4';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { SupportedLanguageModel } from './supported-language-model.js';
import { toLanguageModelV3 } from './to-language-model-v3.js';

const usage = {
  inputTokens: { total: 9, noCache: 9, cacheRead: 0, cacheWrite: undefined },
  outputTokens: { total: 2, text: 2, reasoning: undefined },
};

/** A V4 model by hand (ai@7's own mock needs Node 22): it records calls and replays `parts`. */
function fakeV4Model(stream: () => ReadableStream<LanguageModelV4StreamPart>) {
  const calls: LanguageModelV4CallOptions[] = [];
  const model: LanguageModelV4 = {
    specificationVersion: 'v4',
    provider: 'acme.chat',
    modelId: 'acme-1',
    supportedUrls: { 'image/*': [/^https:/] },
    doGenerate(options) {
      calls.push(options);
      return Promise.resolve({
        content: [
          { type: 'text', text: 'Hi', citations: [] },
          { type: 'custom', kind: 'acme.x' },
        ],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [{ type: 'deprecated', setting: 'seed', message: 'gone' }],
      });
    },
    doStream(options) {
      calls.push(options);
      return Promise.resolve({ stream: stream(), response: { headers: { 'x-id': '1' } } });
    },
  };
  return { model, calls };
}

/** The V4 model, as a caller on the ai@6 line types it (`SupportedLanguageModel` is V3 there). */
const asGiven = (model: LanguageModelV4) => model as unknown as SupportedLanguageModel;

async function readAll<T>(stream: ReadableStream<T>): Promise<T[]> {
  const parts: T[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return parts;
    parts.push(value);
  }
}

describe('toLanguageModelV3', () => {
  it('returns a V3 model itself', () => {
    const model = new MockLanguageModelV3();
    expect(toLanguageModelV3(model)).toBe(model);
  });

  it('gives a V4 model a V3 interface: its names, its supported URLs', () => {
    const { model } = fakeV4Model(() => convertArrayToReadableStream([]));
    const v3 = toLanguageModelV3(asGiven(model));
    expect(v3).toMatchObject({
      specificationVersion: 'v3',
      provider: 'acme.chat',
      modelId: 'acme-1',
    });
    expect(v3.supportedUrls).toBe(model.supportedUrls);
  });

  it('streams: options mapped to V4 on the way in, parts mapped to V3 on the way out', async () => {
    const { model, calls } = fakeV4Model(() =>
      convertArrayToReadableStream<LanguageModelV4StreamPart>([
        { type: 'stream-start', warnings: [] },
        { type: 'ping' },
        { type: 'text-start', id: '0' },
        { type: 'text-delta', id: '0', delta: 'Hi' },
        { type: 'text-end', id: '0', citations: [] },
        { type: 'finish', usage, finishReason: { unified: 'interrupted', raw: undefined } },
      ]),
    );
    const v3 = toLanguageModelV3(asGiven(model));
    const result = await v3.doStream({
      prompt: [{ role: 'user', content: [{ type: 'file', mediaType: 'image/png', data: 'AA==' }] }],
      temperature: 0,
    });
    expect(calls).toEqual([
      {
        prompt: [
          {
            role: 'user',
            content: [
              { type: 'file', mediaType: 'image/png', data: { type: 'data', data: 'AA==' } },
            ],
          },
        ],
        temperature: 0,
      },
    ]);
    expect(result.response).toEqual({ headers: { 'x-id': '1' } });
    expect(await readAll(result.stream)).toEqual([
      { type: 'stream-start', warnings: [] },
      { type: 'text-start', id: '0' },
      { type: 'text-delta', id: '0', delta: 'Hi' },
      { type: 'text-end', id: '0' },
      { type: 'finish', usage, finishReason: { unified: 'other', raw: undefined } },
    ]);
  });

  it('generates: the result mapped to V3', async () => {
    const { model } = fakeV4Model(() => convertArrayToReadableStream([]));
    const result = await toLanguageModelV3(asGiven(model)).doGenerate({ prompt: [] });
    expect(result).toEqual({
      content: [{ type: 'text', text: 'Hi' }],
      finishReason: { unified: 'stop', raw: 'stop' },
      usage,
      warnings: [{ type: 'other', message: 'seed: gone' }],
    });
  });

  it('passes an error of the stream on to its reader, and a cancel back to the provider', async () => {
    const cut = new Error('connection reset');
    const broken = fakeV4Model(
      () =>
        new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'text-delta', id: '0', delta: 'Hel' });
            controller.error(cut);
          },
        }),
    );
    const { stream } = await toLanguageModelV3(asGiven(broken.model)).doStream({ prompt: [] });
    await expect(readAll(stream)).rejects.toBe(cut);

    let cancelled: unknown;
    const endless = fakeV4Model(
      () =>
        new ReadableStream<LanguageModelV4StreamPart>({
          pull(controller) {
            controller.enqueue({ type: 'ping' });
          },
          cancel(reason) {
            cancelled = reason;
          },
        }),
    );
    const open = await toLanguageModelV3(asGiven(endless.model)).doStream({ prompt: [] });
    await open.stream.cancel('left early');
    expect(cancelled).toBe('left early');
  });

  it('refuses what is not a V3 or V4 model, naming what it got', () => {
    const v2 = { ...new MockLanguageModelV3(), specificationVersion: 'v2' };
    const cases: Array<[unknown, string]> = [
      [v2, 'specification `v2`'],
      ['openai/gpt-4o', 'the model id string `openai/gpt-4o`'],
      [undefined, '`undefined`'],
      [{ doStream: () => undefined }, 'an object with no `specificationVersion`'],
    ];
    for (const [model, got] of cases)
      expect(() => toLanguageModelV3(model as SupportedLanguageModel)).toThrow(
        new TypeError(
          `Expected an AI SDK language model of specification \`v3\` (ai@6) or \`v4\` (ai@7), got ${got}`,
        ),
      );
  });
});
