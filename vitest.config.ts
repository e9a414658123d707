import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that leave the machine (the README's quickstart runs `npm install`): `npm run test:e2e`. */
export const E2E_TESTS = '**/*.e2e.test.ts';

/**
 * Tests of ai@7's line (LanguageModelV4): its packages declare Node ≥ 22, so they run in CI's Node
 * 22 leg (`vitest.node22.config.ts`) and `npm test` leaves them out.
 */
export const V4_TESTS = '**/*.v4.test.ts';

const source = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

/**
 * The workspace's packages resolve to their sources, so tests run on the code as it is, without
 * a build; the built packages are what users and the CLI's own processes load.
 */
export const workspaceAliases = [
  { find: /^toolplan$/, replacement: source('toolplan/src/index.ts') },
  { find: /^toolplan\/internal$/, replacement: source('toolplan/src/internal.ts') },
  {
    find: /^toolplan\/(plan|runtime|trace|queue)$/,
    replacement: source('toolplan/src/entry/$1.ts'),
  },
  { find: /^@toolplan\/simulator$/, replacement: source('simulator/src/index.ts') },
  { find: /^@toolplan\/bench$/, replacement: source('bench/src/index.ts') },
];

// `npm test`: everything that runs on this machine alone, binding no fixed port, on Node 20.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    exclude: [...configDefaults.exclude, E2E_TESTS, V4_TESTS],
  },
});
