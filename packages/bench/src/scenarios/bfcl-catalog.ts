import { stringify } from 'safe-stable-stringify';
import type { BfclCase, BfclFunction } from './bfcl-data.js';

/** Every BFCL function in one catalog, and where each case's functions went in it. */
export interface BfclCatalog {
  /** Each distinct function under its catalog name, in order of first definition. */
  functions: BfclFunction[];
  /** Per case id: each of its function names → that function's name in the catalog. */
  names: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Distinct function names in the data (579 in BFCL v4's parallel sets). */
  distinctNames: number;
}

/**
 * One catalog of every function BFCL's cases define. Cases define some names more than once with
 * different schemas (`currency_conversion` takes `amount` as a float in one case and an integer in
 * another): each schema is a tool of its own, the first under the name, the later ones as
 * `name_v2`, `name_v3`, … (a name no case uses), and each case's functions map to their own.
 * Definitions that differ only in descriptions are one tool (the first definition's wording): they
 * accept the same calls.
 */
export function buildBfclCatalog(cases: readonly BfclCase[]): BfclCatalog {
  const taken = new Set(cases.flatMap((bfclCase) => bfclCase.functions.map((fn) => fn.name)));
  const byContract = new Map<string, string>();
  const variants = new Map<string, number>();
  const functions: BfclFunction[] = [];
  const names = new Map<string, Map<string, string>>();
  for (const bfclCase of cases) {
    const own = new Map<string, string>();
    for (const fn of bfclCase.functions) {
      const contract = `${fn.name}\n${stringify(withoutDescriptions(fn.parameters)) ?? ''}`;
      let name = byContract.get(contract);
      if (name === undefined) {
        let count = variants.get(fn.name) ?? 0;
        name = fn.name;
        if (count > 0) {
          do {
            count += 1;
            name = `${fn.name}_v${count}`;
          } while (taken.has(name));
          taken.add(name);
        } else count = 1;
        variants.set(fn.name, count);
        byContract.set(contract, name);
        functions.push({ ...fn, name });
      }
      own.set(fn.name, name);
    }
    names.set(bfclCase.id, own);
  }
  return { functions, names, distinctNames: variants.size };
}

/** A schema without its `description`s: what calls it accepts, not how it explains them. */
function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description')
      .map(([key, item]) => [key, withoutDescriptions(item)]),
  );
}
