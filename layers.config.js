// The design notes' layer table, enforced by `npm run lint`: a folder of the library imports
// only the folders above it; the packages depend in one direction (bench → simulator → toolplan).

/** Each folder of packages/toolplan/src and the folders it may import. */
export const LIBRARY_LAYERS = {
  plan: [],
  tools: ['plan'],
  runtime: ['plan', 'tools'],
  model: ['plan', 'tools'],
  context: ['plan', 'tools', 'model'],
  trace: ['plan', 'tools'],
  // Tools on queue workers (BullMQ on Redis): I/O of its own, so outside the core.
  queue: ['plan', 'tools'],
  agent: ['plan', 'tools', 'runtime', 'model', 'context', 'trace'],
  mcp: ['plan', 'tools', 'runtime', 'model', 'context', 'trace', 'agent'],
  cli: ['plan', 'tools', 'runtime', 'model', 'context', 'trace', 'agent', 'mcp'],
};

const packagesAbove = {
  toolplan: ['@toolplan/simulator', '@toolplan/bench'],
  simulator: ['@toolplan/bench'],
};

/** ESLint configs: one per library folder, one per package. */
export function layerRules() {
  const folders = Object.keys(LIBRARY_LAYERS);
  const library = Object.entries(LIBRARY_LAYERS).map(([folder, allowed]) => {
    const forbidden = folders.filter((other) => other !== folder && !allowed.includes(other));
    return {
      files: [`packages/toolplan/src/${folder}/**/*.ts`],
      ignores: ['**/*.test.ts', '**/*.test-utils.ts'],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              ...(forbidden.length === 0
                ? []
                : [
                    {
                      group: forbidden.map((other) => `../${other}/*`),
                      message: `The layer \`${folder}\` may import only ${allowed.length === 0 ? 'nothing else of ours' : allowed.map((name) => `\`${name}\``).join(', ')} (the layer table in the design notes).`,
                    },
                  ]),
              {
                group: packagesAbove.toolplan,
                message:
                  'The library must not depend on @toolplan/simulator or @toolplan/bench (they depend on it): load them lazily with loadOptionalPackage.',
              },
            ],
          },
        ],
      },
    };
  });
  const simulator = {
    files: ['packages/simulator/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...packagesAbove.simulator, '**/toolplan/src/**', '**/bench/src/**'],
              message:
                'The simulator depends on toolplan (through its package name) and on nothing above it.',
            },
          ],
        },
      ],
    },
  };
  return [...library, simulator];
}
