import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgram } from './create-program.js';
import { runCli } from './run-cli.test-utils.js';

let directory: string;
let toolsPath: string;

// Plain-object tools with JSON Schema: the module needs no import, so it loads from a temp dir.
const TOOLS_MODULE = `
const calls = (globalThis.__toolplanExecCalls ??= []);
export default [
  {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    annotations: { readOnlyHint: true },
    trustAnnotations: true,
    // The report is made of its temperatures: trusted, so that the default policy lets it go.
    trusted: true,
    async execute({ city }) {
      calls.push(city);
      if (city === 'Atlantis') throw new Error('no such city');
      return { city, temp: city.length * 10 };
    },
  },
  {
    name: 'send_report',
    description: 'Sends a report (side effect)',
    parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    execute({ text }) { calls.push('send:' + text); return { sent: true }; },
  },
];
`;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'toolplan-exec-'));
  toolsPath = join(directory, 'tools.mjs');
  await writeFile(toolsPath, TOOLS_MODULE);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function exec(plan: unknown, ...flags: string[]) {
  const planPath = join(directory, `plan-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(planPath, typeof plan === 'string' ? plan : JSON.stringify(plan));
  const stdout: string[] = [];
  const stderr: string[] = [];
  let exitCode = 0;
  const program = createProgram({
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  program.exitOverride();
  await program.parseAsync(['node', 'toolplan', 'exec', planPath, '--tools', toolsPath, ...flags]);
  return { stdout: stdout.join('\n'), stderr: stderr.join('\n'), exitCode };
}

const calls = () => (globalThis as { __toolplanExecCalls?: string[] }).__toolplanExecCalls ?? [];

describe('toolplan exec', () => {
  it('prints exactly one JSON object with the contract fields and exits 0', async () => {
    const { stdout, exitCode } = await exec(
      {
        steps: [
          { id: 'bos', tool: 'get_weather', args: { city: 'Boston' } },
          { id: 'r', tool: 'send_report', args: { text: 'Boston is ${bos.temp}' } },
        ],
        answer: 'Boston: ${bos.temp}',
      },
      '--json',
    );
    expect(exitCode).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['answer', 'results', 'steps', 'wallMs']);
    expect(json['answer']).toBe('Boston: 60');
    expect(json['results']).toEqual({ bos: { city: 'Boston', temp: 60 }, r: { sent: true } });
    const steps = json['steps'] as Array<Record<string, unknown>>;
    expect(steps.map((step) => [step['id'], step['tool'], step['status']])).toEqual([
      ['bos', 'get_weather', 'ok'],
      ['r', 'send_report', 'ok'],
    ]);
    for (const step of steps) {
      expect(typeof step['startMs']).toBe('number');
      expect(step['endMs'] as number).toBeGreaterThanOrEqual(step['startMs'] as number);
    }
    expect(typeof json['wallMs']).toBe('number');
  });

  it('exits 1 when a step failed, with the error on that step and dependents skipped', async () => {
    const { stdout, exitCode } = await exec(
      {
        steps: [
          { id: 'a', tool: 'get_weather', args: { city: 'Atlantis' } },
          { id: 'b', tool: 'send_report', args: { text: '${a.temp}' } },
        ],
      },
      '--json',
    );
    expect(exitCode).toBe(1);
    const json = JSON.parse(stdout) as {
      steps: Array<{ status: string; error?: { name: string; message: string } }>;
    };
    expect(json.steps[0]?.status).toBe('error');
    expect(json.steps[0]?.error?.name).toBe('ToolExecutionError');
    expect(json.steps[0]?.error?.message).toContain('no such city');
    expect(json.steps[1]?.status).toBe('skipped');
    expect(json.steps[1]?.error?.name).toBe('DependencyFailedError');
  });

  it('exits 2 with every validation issue on stderr, and runs nothing', async () => {
    const before = calls().length;
    const { stdout, stderr, exitCode } = await exec({
      steps: [
        { id: 'a', tool: 'get_weathr', args: { city: 'Boston' } },
        { id: 'b', tool: 'send_report', args: { text: 42 } },
        { id: 'c', tool: 'get_weather', args: { city: '$nope' } },
      ],
    });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('unknown_tool at steps[0].tool');
    expect(stderr).toContain('Did you mean `get_weather`?');
    expect(stderr).toContain('invalid_arguments at steps[1].args.text');
    expect(stderr).toContain('unknown_reference at steps[2].args.city');
    expect(calls().length).toBe(before);
  });

  it('exits 2 on text that is not a plan, and on a bad tools module', async () => {
    const notJson = await exec('I would call get_weather for Boston.');
    expect(notJson.exitCode).toBe(2);
    expect(notJson.stderr).toContain('no JSON object');
    const badModulePath = join(directory, 'bad.mjs');
    await writeFile(badModulePath, 'export default [{ name: "x" }];');
    const stderr: string[] = [];
    let exitCode = 0;
    const program = createProgram({
      stdout: () => undefined,
      stderr: (text) => stderr.push(text),
      setExitCode: (code) => (exitCode = code),
    });
    const planPath = join(directory, 'ok.json');
    await writeFile(planPath, JSON.stringify({ steps: [] }));
    await program.parseAsync(['node', 'toolplan', 'exec', planPath, '--tools', badModulePath]);
    expect(exitCode).toBe(2);
    expect(stderr.join('\n')).toContain('has no `execute` function');
  });

  it('names the file, line and column of a syntax error, in words for a person', async () => {
    const planPath = join(directory, 'bad.json');
    await writeFile(
      planPath,
      '{\n  "steps": [\n    { "id": "a", "tool": "get_weather" "args": { "city": "Oslo" } }\n  ]\n}\n',
    );
    const { stdout, stderr, exitCode } = await runCli('exec', planPath, '--tools', toolsPath);
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: ${planPath}:3:40: expected ',' or '}' after a property value`);
    // In a fence, the place is still the file's.
    const fenced = join(directory, 'fenced.md');
    await writeFile(
      fenced,
      'The plan:\n```json\n{"steps": [\n  {"id": "a",, "tool": "x"}\n]}\n```\n',
    );
    const inFence = await runCli('exec', fenced, '--tools', toolsPath);
    expect(inFence.exitCode).toBe(2);
    expect(inFence.stderr).toBe(`error: ${fenced}:4:14: expected a property name in double quotes`);
  });

  it('names the plan file of an invalid plan', async () => {
    const { stderr, exitCode } = await exec({ steps: [{ id: 'a', tool: 'nope', args: {} }] });
    expect(exitCode).toBe(2);
    expect(stderr).toMatch(
      /^error: \S+\.json: the plan is invalid \(1 issue\):\n {2}unknown_tool at steps\[0\]\.tool/,
    );
  });

  it('shows how many items a forEach step ran', async () => {
    const { stdout, exitCode } = await exec({
      steps: [
        {
          id: 'w',
          tool: 'get_weather',
          forEach: ['Oslo', 'Rome', 'Lima'],
          args: { city: '$item' },
        },
      ],
    });
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^✓ w +get_weather × 3 items {2}\d/);
  });

  it('accepts a fenced plan and prints a readable summary', async () => {
    const { stdout, exitCode } = await exec(
      'Here is the plan:\n```json\n{"steps":[{"id":"w","tool":"get_weather","forEach":["Oslo","Rome"],"args":{"city":"$item"}}],"answer":"${w[0].temp} and ${w[1].temp}"}\n```',
    );
    expect(exitCode).toBe(0);
    expect(stdout).toContain('✓ w');
    expect(stdout).toContain('answer: 40 and 40');
  });
});
