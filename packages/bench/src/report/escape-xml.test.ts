import { describe, expect, it } from 'vitest';
import { escapeXml } from './escape-xml.js';

describe('escapeXml', () => {
  it('escapes every character that could open markup or close an attribute', () => {
    expect(escapeXml(`<b title="x">Tom & Jerry's</b>`)).toBe(
      '&lt;b title=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/b&gt;',
    );
  });

  it('leaves other text, unicode included, as it is', () => {
    expect(escapeXml('Zürich → 3°C ⏎ ok')).toBe('Zürich → 3°C ⏎ ok');
  });
});
