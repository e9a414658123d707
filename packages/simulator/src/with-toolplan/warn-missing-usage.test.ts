import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSimulatedProvider, type SimulatedProvider } from '../index.js';
import { HELLO_QUERY, testScripts } from '../simulator.test-utils.js';
import { createOpenAICompatibleModel } from 'toolplan/internal';
import { streamModelText } from 'toolplan/internal';
import { MISSING_USAGE_WARNING_CODE } from 'toolplan/internal';

let provider: SimulatedProvider;
beforeAll(async () => {
  provider = await createSimulatedProvider({ scripts: testScripts, speed: 1000 });
});
afterAll(() => provider.close());
afterEach(() => {
  vi.restoreAllMocks();
});

const prompt = [{ role: 'user' as const, content: [{ type: 'text' as const, text: HELLO_QUERY }] }];

describe('the warning when a provider reports no usage', () => {
  it('comes once per provider from @ai-sdk/openai-compatible without includeUsage', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    // The real provider package, as a user would create it: no `includeUsage`.
    const model = createOpenAICompatible({ baseURL: provider.url, name: 'bare' }).chatModel(
      'gpt-4o',
    );
    for (let call = 0; call < 2; call += 1) {
      const { text, usage } = await streamModelText({ model, prompt, purpose: 'answer' });
      expect(text).toBe('Hello! How can I help you today?');
      expect(usage?.outputTokens.total ?? 0).toBe(0);
    }
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain('includeUsage: true');
    expect(warn.mock.calls[0]?.[1]).toEqual({ code: MISSING_USAGE_WARNING_CODE });
  });

  it('does not come when the provider reports usage', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    const model = createOpenAICompatibleModel({ baseURL: provider.url, modelId: 'gpt-4o' });
    const { usage } = await streamModelText({ model, prompt, purpose: 'answer' });
    expect(usage?.outputTokens.total).toBeGreaterThan(0);
    expect(warn).not.toHaveBeenCalled();
  });
});
