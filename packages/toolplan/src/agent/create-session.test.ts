import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PolicyDeniedError } from '../runtime/index.js';
import { createToolRegistry, defineTool } from '../tools/index.js';
import { createSession } from './create-session.js';
import { scriptedModel } from './scripted-model.test-utils.js';

const SECRET = 'full-record-only-the-runtime-sees';

/** `trusted`: the CRM holds only the company's own records (no text a third party wrote). */
function crmTools(sent: unknown[], { trusted = true }: { trusted?: boolean } = {}) {
  return createToolRegistry([
    defineTool({
      name: 'get_customer',
      description: 'A customer record.',
      inputSchema: z.object({ id: z.number() }),
      readOnly: true,
      trusted,
      project: (customer: { id: number; name: string }) => ({
        id: customer.id,
        name: customer.name,
      }),
      execute: ({ id }) => ({ id, name: 'Ada', notes: SECRET, orders: [1, 2, 3] }),
    }),
    defineTool({
      name: 'send_summary',
      description: 'Sends a customer record to the account team.',
      inputSchema: z.object({ customer: z.unknown() }),
      execute: ({ customer }) => {
        sent.push(customer);
        return { sent: true };
      },
    }),
  ]);
}

function systemPrompts(model: ReturnType<typeof scriptedModel>) {
  return model.doStreamCalls.map((call) => call.prompt[0]);
}

describe('createSession', () => {
  it('lets a later turn pass on an earlier full result by id that the model never saw', async () => {
    const sent: unknown[] = [];
    const model = scriptedModel([
      '{"steps":[{"id":"c","tool":"get_customer","args":{"id":7}}],"answer":"${c.name}"}',
      '{"steps":[{"id":"s","tool":"send_summary","args":{"customer":"$t1_c"}}],"answer":"Sent."}',
    ]);
    const session = createSession({ model, tools: crmTools(sent) });
    const first = await session.ask('Who is customer 7?');
    expect(first.answer).toBe('Ada');
    expect(first.ids).toEqual({ c: 't1_c' });
    const second = await session.ask('Send their record to the account team.');
    expect(second.answer).toBe('Sent.');
    // The tool got the full record …
    expect(sent).toEqual([{ id: 7, name: 'Ada', notes: SECRET, orders: [1, 2, 3] }]);
    // … which no prompt ever held.
    for (const call of model.doStreamCalls)
      expect(JSON.stringify(call.prompt)).not.toContain(SECRET);
    expect(Object.keys(session.results)).toEqual(['t1_c', 't2_s']);
    expect(session.turns).toBe(2);
    // The first turn's results came from a trusted tool: the follow-up is not marked.
    expect(first.plans[0]?.steps[0]?.plannedAfterUntrusted).toBeUndefined();
    expect(second.plans[0]?.steps[0]?.plannedAfterUntrusted).toBeUndefined();
    expect(second.steps[0]?.sources).toEqual([
      expect.objectContaining({ kind: 'tool', tool: 'send_summary', trusted: false }),
      expect.objectContaining({ kind: 'tool', tool: 'get_customer', stepId: 'c', trusted: true }),
      // `7` was the first query's: the user chose it.
      { kind: 'query', trusted: true },
    ]);
  });

  it('denies a follow-up side effect planned after untrusted results, and sends nothing', async () => {
    const sent: unknown[] = [];
    const model = scriptedModel([
      '{"steps":[{"id":"c","tool":"get_customer","args":{"id":7}}],"answer":"${c.name}"}',
      '{"steps":[{"id":"s","tool":"send_summary","args":{"customer":"$t1_c"}}],"answer":"Sent."}',
      'It was not sent.',
    ]);
    const session = createSession({
      model,
      tools: crmTools(sent, { trusted: false }),
      maxReplans: 0,
    });
    await session.ask('Who is customer 7?');
    const second = await session.ask('Send their record to the account team.');
    expect(sent).toEqual([]);
    expect(second.plans[0]?.steps[0]?.plannedAfterUntrusted).toBe(true);
    const error = second.steps[0]?.error;
    expect(PolicyDeniedError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ stepId: 's', toolName: 'send_summary', deniedBy: 'run-policy' });
    expect(second.answer).toBe('It was not sent.');
  });

  it('sends the delta per turn, not the history, after a byte-identical cached system prompt', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"c","tool":"get_customer","args":{"id":7}}],"answer":"${c.name}"}',
      '{"steps":[{"id":"c","tool":"get_customer","args":{"id":8}}],"answer":"${c.name}"}',
      '{"steps":[{"id":"c","tool":"get_customer","args":{"id":9}}],"answer":"${c.name}"}',
    ]);
    const session = createSession({ model, tools: crmTools([]) });
    await session.ask('Who is customer 7?');
    await session.ask('And customer 8?');
    await session.ask('And customer 9?');
    const [first, ...rest] = systemPrompts(model);
    expect(first?.role).toBe('system');
    expect(first?.providerOptions).toEqual({ anthropic: { cacheControl: { type: 'ephemeral' } } });
    for (const other of rest) {
      expect(other?.role).toBe('system');
      expect(Buffer.from(String(other?.content))).toEqual(Buffer.from(String(first?.content)));
    }
    const third = JSON.stringify(model.doStreamCalls[2]?.prompt);
    // Only the last turn's results, compressed, under session-wide ids …
    expect(third).toContain('{\\"t2_c\\":{\\"id\\":8,\\"name\\":\\"Ada\\"}}');
    expect(third).not.toContain('t1_c');
    // … the task so far and the tools used, and the question.
    expect(third).toContain('Q: Who is customer 7? A: Ada | Q: And customer 8? A: Ada');
    expect(third).toContain('Tools already called: get_customer');
    expect(third).toContain('Question: And customer 9?');
    expect(session.context()).toEqual({
      task: 'Q: Who is customer 7? A: Ada | Q: And customer 8? A: Ada | Q: And customer 9? A: Ada',
      lastResults: { t3_c: { id: 9, name: 'Ada' } },
      completed: ['get_customer'],
    });
  });

  it('rejects a plan that reuses an earlier turn’s id, so stored results never collide', async () => {
    const model = scriptedModel([
      '{"steps":[{"id":"c","tool":"get_customer","args":{"id":7}}],"answer":"${c.name}"}',
      '{"steps":[{"id":"t1_c","tool":"get_customer","args":{"id":8}}],"answer":"x"}',
      '{"steps":[{"id":"d","tool":"get_customer","args":{"id":8}}],"answer":"${d.name}"}',
    ]);
    const session = createSession({ model, tools: crmTools([]) });
    await session.ask('Who is customer 7?');
    const second = await session.ask('And customer 8?');
    expect(second.ids).toEqual({ d: 't2_d' });
    expect(JSON.stringify(model.doStreamCalls[2]?.prompt)).toContain('t1_c');
    expect(second.promptReports.map((report) => report.purpose)).toEqual(['plan', 'correction']);
  });

  it('checks its options when it is created, not in a later turn', () => {
    const tools = crmTools([]);
    const model = scriptedModel([]);
    expect(() => createSession({ model, tools, compress: { maxTokens: -1 } })).toThrow(/maxTokens/);
    expect(() => createSession({ model, tools, summary: { maxChars: 0 } })).toThrow(/maxChars/);
    expect(() => createSession({ model, tools, maxPromptTokens: 10 })).toThrow(
      expect.objectContaining({ name: 'PromptBudgetError' }),
    );
  });
});
