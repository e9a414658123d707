import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The V4 spec's types come from `@ai-sdk/provider-v4`, a dev-only alias no user has: a published
// .d.ts that imports it would not resolve. It stays in the model layer's mapping files (`to-*.ts`,
// whose own .d.ts no entry reaches), and nothing re-exports those.

const src = fileURLToPath(new URL('..', import.meta.url));
const sources = (readdirSync(src, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !/\.test(-utils)?\.ts$/.test(file))
  .map((file) => ({ file: file.replaceAll('\\', '/'), text: readFileSync(src + file, 'utf8') }));

describe('the dev-only alias @ai-sdk/provider-v4', () => {
  it('is imported by the model layer’s mapping files only, and for types only', () => {
    const importers = sources.filter(({ text }) => text.includes("'@ai-sdk/provider-v4'"));
    expect(importers.length).toBeGreaterThan(5);
    for (const { file, text } of importers) {
      expect(file).toMatch(/^model\/to-(v3-|v4-|language-model-v3)[a-z0-9-]*\.ts$/);
      expect(text).not.toMatch(/import \{[^}]*\} from '@ai-sdk\/provider-v4'/);
    }
  });

  it('reaches no entry: no source re-exports a mapping file', () => {
    for (const { file, text } of sources)
      expect(
        text.match(/export [^;]*from '\.\/to-(v3-|v4-|language-model-v3)[^']*'/g),
        file,
      ).toBeNull();
  });
});
