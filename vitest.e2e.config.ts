import { configDefaults, defineConfig } from 'vitest/config';
import { E2E_TESTS, workspaceAliases } from './vitest.config.js';

// `npm run test:e2e`: what a new user does, end to end, network included.
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    include: [`packages/*/src/${E2E_TESTS}`],
    exclude: [...configDefaults.exclude],
  },
});
