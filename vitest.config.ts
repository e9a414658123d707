import { configDefaults, defineConfig } from 'vitest/config';

/** Tests that leave the machine (the README's quickstart runs `npm install`): `npm run test:e2e`. */
export const E2E_TESTS = '**/*.e2e.test.ts';

// `npm test`: everything that runs on this machine alone, binding no fixed port.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, E2E_TESTS],
  },
});
