import type { ToolIndex } from './create-tool-index.js';
import { splitQueryClauses } from './split-query-clauses.js';

export interface SelectToolsOptions {
  index: ToolIndex;
  /** The request: searched whole, and clause by clause when it has several (`splitQueryClauses`). */
  query: string;
  /** Most tokens (o200k) the selected tools' signatures may take together. */
  maxTokens: number;
  /** Most tools selected. */
  maxTools: number;
  /** Tools selected first, whatever the request; they count against both limits. */
  always?: readonly string[];
  /** Tools never selected (those sent already, when more are asked for). */
  exclude?: ReadonlySet<string>;
}

export interface ToolSelection {
  /** The tools selected, in the catalog's order (a stable prompt for a repeated request). */
  names: string[];
  /** Tokens of their signatures together (`ToolIndex.tokens`). */
  tokens: number;
}

/**
 * The tools a request most likely needs, within a budget. The request is searched whole and
 * clause by clause; each search's scores are divided by its best score — or by the median of
 * every search's best, when that is higher, so that a clause matching nothing well ("Could you
 * help me?") cannot lift its weak matches to the top — and each tool keeps its highest share.
 * Tools are then taken best first while they fit `maxTokens` and `maxTools` (one that does not
 * fit is passed over for smaller ones), and returned in the catalog's order. A tool that shares no
 * word with the request is never selected.
 */
export function selectTools(options: SelectToolsOptions): ToolSelection {
  const { index, query, maxTokens, maxTools } = options;
  const exclude = options.exclude ?? new Set<string>();
  const clauses = splitQueryClauses(query);
  const searches = [query, ...(clauses.length > 1 ? clauses : [])].map((text) =>
    index.search(text),
  );
  const best = searches.map((matches) => matches[0]?.score ?? 0);
  const median = [...best].sort((left, right) => left - right)[Math.floor(best.length / 2)] ?? 0;
  const shares = new Map<string, number>();
  searches.forEach((matches, at) => {
    const scale = Math.max(best[at] ?? 0, median);
    if (scale <= 0) return;
    for (const { name, score } of matches) {
      const share = score / scale;
      if (share > (shares.get(name) ?? 0)) shares.set(name, share);
    }
  });
  const ranked = [...shares]
    .sort(([leftName, left], [rightName, right]) => right - left || compare(leftName, rightName))
    .map(([name]) => name);

  const chosen = new Set<string>();
  let tokens = 0;
  const take = (name: string) => {
    if (chosen.has(name) || exclude.has(name) || !index.has(name)) return;
    if (chosen.size >= maxTools) return;
    const cost = index.tokens(name);
    if (tokens + cost > maxTokens) return;
    chosen.add(name);
    tokens += cost;
  };
  for (const name of options.always ?? []) take(name);
  for (const name of ranked) {
    if (chosen.size >= maxTools) break;
    take(name);
  }
  return { names: index.names.filter((name) => chosen.has(name)), tokens };
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
