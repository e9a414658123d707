import { configDefaults, defineConfig } from 'vitest/config';
import { E2E_TESTS, V4_TESTS, workspaceAliases } from './vitest.config.js';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  throw new Error(
    `vitest.node22.config.ts runs ai@7's tests, whose packages need Node ≥ 22; this is Node ${process.versions.node}. Run it with .ci/node22's Node (see .ci/run).`,
  );
}

// CI's Node 22 leg (.ci/run): the tests of ai@7's line (`*.v4.test.ts`), with the model layer's
// and the agent's own tests, which must pass on either Node.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: [
      `packages/*/src/${V4_TESTS}`,
      'packages/toolplan/src/model/**/*.test.ts',
      'packages/toolplan/src/agent/**/*.test.ts',
    ],
    exclude: [...configDefaults.exclude, E2E_TESTS],
  },
});
