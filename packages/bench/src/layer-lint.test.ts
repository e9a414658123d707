import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The repository's layer rules (layers.config.js), run through ESLint as `npm run lint` runs them.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('the layer table, enforced by lint', () => {
  it('fails an upward import between the library’s folders', async () => {
    const found = await problems(
      'packages/toolplan/src/plan/upward.ts',
      "import { createAgent } from '../agent/index.js';\nexport const agent = createAgent;\n",
    );
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*layer `plan`/)]);
  });

  it('allows an import from a folder above', async () => {
    const found = await problems(
      'packages/toolplan/src/agent/downward.ts',
      "import { validatePlan } from '../plan/index.js';\nexport const validate = validatePlan;\n",
    );
    expect(found).toEqual([]);
  });

  it('fails the library importing the simulator or the bench, and the simulator the bench', async () => {
    expect(
      await problems(
        'packages/toolplan/src/cli/bench.ts',
        "import { runBench } from '@toolplan/bench';\nexport const run = runBench;\n",
      ),
    ).toHaveLength(1);
    expect(
      await problems(
        'packages/simulator/src/bench.ts',
        "import { runBench } from '@toolplan/bench';\nexport const run = runBench;\n",
      ),
    ).toHaveLength(1);
  });
});
