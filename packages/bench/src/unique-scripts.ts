import { stringify } from 'safe-stable-stringify';
import type { ScriptedScenario } from '@toolplan/simulator';

/**
 * The script book holds one script per query; traffic repeats queries (the same request from
 * another user), so cases may share a script. A query scripted two different ways is a bug in
 * the scenario, reported here rather than as a puzzling answer later.
 */
export function uniqueScripts(scripts: readonly ScriptedScenario[]): ScriptedScenario[] {
  const byQuery = new Map<string, ScriptedScenario>();
  for (const script of scripts) {
    const earlier = byQuery.get(script.query);
    if (earlier === undefined) {
      byQuery.set(script.query, script);
      continue;
    }
    const { name: _earlierName, ...earlierScript } = earlier;
    const { name: _name, ...thisScript } = script;
    if (stringify(earlierScript) !== stringify(thisScript)) {
      throw new TypeError(
        `Scripts \`${earlier.name}\` and \`${script.name}\` answer the same query differently: ${JSON.stringify(script.query)}`,
      );
    }
  }
  return [...byQuery.values()];
}
