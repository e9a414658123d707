import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The published package as a user gets it: `npm pack`, installed into an empty strict TypeScript
// app (the npm registry is needed for its dependencies, hence e2e).
const run = promisify(execFile);
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));
let app: string;
let files: string[];

beforeAll(async () => {
  app = await mkdtemp(join(tmpdir(), 'toolplan-app-'));
  const { stdout } = await run(
    'npm',
    ['pack', '--json', '--pack-destination', app, '--ignore-scripts'],
    { cwd: packageDirectory },
  );
  const [packed] = JSON.parse(stdout) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  if (packed === undefined) throw new Error('npm pack made no tarball');
  files = packed.files.map((file) => file.path);
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'app', private: true, type: 'module' }),
  );
  await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      join(app, packed.filename),
      'typescript@~6.0.3',
      '@types/node@^20',
    ],
    { cwd: app, timeout: 240_000 },
  );
}, 300_000);

afterAll(async () => {
  if (app !== undefined && process.env['KEEP_APP'] === undefined)
    await rm(app, { recursive: true, force: true });
});

describe('the packed toolplan package', () => {
  it('holds the built library and its licence: no bench, simulator, tests or maps', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/cli/main.js');
    expect(files).toContain('LICENSE');
    expect(
      files.filter((file) => /bench|simulator|\.test\.|test-utils|\.map$|^src\//.test(file)),
    ).toEqual([]);
  });

  it('installs without a native build, and without ai@7 on Node 20', async () => {
    expect(existsSync(join(app, 'node_modules', 'better-sqlite3'))).toBe(false);
    // The MCP SDK is an optional peer too: only `createMcpServer` needs it.
    expect(existsSync(join(app, 'node_modules', '@modelcontextprotocol'))).toBe(false);
    const { stdout } = await run('npm', ['ls', 'ai', '--json'], { cwd: app });
    expect(stdout).toMatch(/"version": "6\./);
    expect(await readdir(join(app, 'node_modules'))).toContain('toolplan');
  });

  it('type-checks in a strict app with skipLibCheck off, and runs executePlan, all without the MCP SDK', async () => {
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          // Strict, and every .d.ts checked: toolplan's and the AI SDK's it refers to.
          strict: true,
          skipLibCheck: false,
          types: ['node'],
          outDir: 'out',
        },
        include: ['app.ts'],
      }),
    );
    await writeFile(
      join(app, 'app.ts'),
      [
        "import { createMcpServer, executePlan, mcpTools, PlanValidationError, type Plan } from 'toolplan';",
        'const plan: Plan = {',
        "  steps: [{ id: 'g', tool: 'greet', args: { name: 'Ada' } }],",
        "  answer: '${g.text}',",
        '};',
        'const greet = {',
        "  name: 'greet',",
        "  description: 'Greets someone.',",
        "  parameters: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },",
        '  readOnly: true,',
        '  execute: async ({ name }: { name: string }) => ({ text: `Hello, ${name}!` }),',
        '};',
        'const result = await executePlan(plan, [greet]);',
        // The MCP SDK is an optional peer, not installed here: the library loads, and the MCP
        // client and server say what is missing when they are used.
        "const mcp = await mcpTools({ command: 'node', args: ['server.js'] }).catch((e: Error) => e);",
        'console.log(result.answer, PlanValidationError.name, (mcp as Error).name);',
        'const missing = await createMcpServer({ tools: [greet] }).catch((error: Error) => error);',
        "console.log(missing instanceof Error ? missing.name : 'no error');",
      ].join('\n'),
    );
    await run('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: app });
    const { stdout } = await run('node', ['out/app.js'], { cwd: app });
    expect(stdout).toBe(
      'Hello, Ada! PlanValidationError MissingPackageError\nMissingPackageError\n',
    );
  }, 120_000);
});
