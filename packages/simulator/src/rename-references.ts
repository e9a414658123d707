import { formatReference, parseWholeReference } from 'toolplan/internal';

// `$$` (a literal dollar, kept as written) or the opening of an interpolation, `${id`.
const INTERPOLATION_ROOT = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * A plan value (a step's `args`) with the roots of its references renamed (`$b.balance` →
 * `$inj1.balance`, `${b.balance}` → `${inj1.balance}`); roots not in `renames` and everything else
 * stay exactly as written, so the value means what it meant with the new ids.
 */
export function renameReferences(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return renameInString(value, renames);
  if (Array.isArray(value)) return value.map((item) => renameReferences(item, renames));
  if (typeof value === 'object' && value !== null) {
    // fromEntries defines own properties, so a key `__proto__` stays data.
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renameReferences(item, renames)]),
    );
  }
  return value;
}

function renameInString(text: string, renames: ReadonlyMap<string, string>): string {
  if (!text.includes('$')) return text;
  const whole = parseWholeReference(text);
  if (whole !== undefined) {
    const root = renames.get(whole.root);
    return root === undefined ? text : formatReference(root, whole.path);
  }
  return text.replace(INTERPOLATION_ROOT, (match, root: string | undefined) => {
    const renamed = root === undefined ? undefined : renames.get(root);
    return renamed === undefined ? match : `\${${renamed}`;
  });
}
