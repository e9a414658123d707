import { describe, expect, it } from 'vitest';
import { loadOptionalPackage, MissingPackageError } from './load-optional-package.js';

describe('loadOptionalPackage', () => {
  it('loads a package that is there', async () => {
    const loaded = await loadOptionalPackage<{ createSimulatedProvider: unknown }>({
      name: '@toolplan/simulator',
      neededBy: 'this test',
      remedy: 'Install it.',
    });
    expect(typeof loaded.createSimulatedProvider).toBe('function');
  });

  it('says what needs a missing package and what to do', async () => {
    const error = await loadOptionalPackage({
      name: '@toolplan/no-such-package',
      neededBy: '`toolplan nothing`',
      remedy: 'Clone the repository.',
    }).catch((caught: unknown) => caught);
    expect(MissingPackageError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      name: 'MissingPackageError',
      packageName: '@toolplan/no-such-package',
      message:
        '`toolplan nothing` needs the package @toolplan/no-such-package, which is not installed. Clone the repository.',
    });
  });

  it('loads a module inside a package, and names the package when it is missing', async () => {
    const loaded = await loadOptionalPackage<{ Client: unknown }>({
      name: '@modelcontextprotocol/sdk',
      subpath: 'client/index.js',
      neededBy: 'this test',
      remedy: 'Install it.',
    });
    expect(typeof loaded.Client).toBe('function');
    const error = await loadOptionalPackage({
      name: '@toolplan/no-such-package',
      subpath: 'client/index.js',
      neededBy: '`mcpTools`',
      remedy: 'Install it.',
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      name: 'MissingPackageError',
      packageName: '@toolplan/no-such-package',
    });
  });
});
