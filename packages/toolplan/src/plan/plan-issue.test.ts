import { describe, expect, it } from 'vitest';
import { formatIssuePath } from './plan-issue.js';

describe('formatIssuePath', () => {
  it('renders keys with dots and numbers as indexes', () => {
    expect(formatIssuePath(['steps', 2, 'args', 'city'])).toBe('steps[2].args.city');
    expect(formatIssuePath(['steps', 0, 'args', 'list', 1, 0])).toBe('steps[0].args.list[1][0]');
  });

  it('renders a leading index without a dot', () => {
    expect(formatIssuePath([0, 'a'])).toBe('[0].a');
  });

  it('names the root when the path is empty', () => {
    expect(formatIssuePath([])).toBe('(root)');
  });
});
