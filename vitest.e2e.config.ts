import { configDefaults, defineConfig } from 'vitest/config';
import { E2E_TESTS } from './vitest.config.js';

// `npm run test:e2e`: what a new user does, end to end, network included.
export default defineConfig({
  test: {
    include: [`src/${E2E_TESTS}`, `test/${E2E_TESTS}`],
    exclude: [...configDefaults.exclude],
  },
});
