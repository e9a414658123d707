import { compileValue } from '../plan/index.js';
import type { ChainDefinition } from './chain-definition.js';
import { CHAIN_PARAMS_ID } from './chain-params-id.js';
import { ChainDefinitionError } from './chain-errors.js';

/**
 * Checks what the format alone cannot: every pattern compiles and names only parameters, every
 * parameter is used by the plan and can be found in a query. Throws {@link ChainDefinitionError}.
 * `hasCustomMatcher` says a function in code can supply parameters the rules do not find.
 */
export function checkChainDefinition(chain: ChainDefinition, hasCustomMatcher = false): void {
  const fail = (message: string): never => {
    throw new ChainDefinitionError({ chainName: chain.name, message });
  };
  const paramNames = Object.keys(chain.params);
  const used = new Set<string>();
  const collect = (value: unknown) => {
    for (const { reference } of compileValue(value).references) {
      const name = reference.path[0];
      if (reference.root !== CHAIN_PARAMS_ID) continue;
      if (typeof name !== 'string' || !(name in chain.params)) {
        fail(`the plan uses ${reference.text}, but no parameter is named that.`);
      }
      used.add(name as string);
    }
  };
  for (const step of chain.plan.steps) {
    collect(step.args);
    collect(step.forEach);
  }
  collect(chain.plan.answer);
  for (const name of paramNames) {
    if (!used.has(name)) fail(`parameter \`${name}\` is declared but the plan never uses it.`);
  }

  const patterns = chain.match.patterns ?? [];
  for (const source of patterns) {
    let groups: string[];
    try {
      groups = namedGroups(source);
    } catch (error) {
      return fail(
        `pattern ${JSON.stringify(source)} is not a regular expression: ${String(error)}`,
      );
    }
    for (const group of groups) {
      if (!(group in chain.params)) {
        fail(`pattern ${JSON.stringify(source)} captures \`${group}\`, which is not a parameter.`);
      }
    }
    if (!hasCustomMatcher) {
      for (const name of paramNames) {
        if (!groups.includes(name)) {
          fail(
            `pattern ${JSON.stringify(source)} does not capture parameter \`${name}\`; every pattern must capture every parameter.`,
          );
        }
      }
    }
  }
  if (patterns.length === 0 && !hasCustomMatcher) {
    for (const [name, param] of Object.entries(chain.params)) {
      if ((param.entities ?? []).length === 0) {
        fail(
          `parameter \`${name}\` can never be found: give the chain a pattern that captures it, an entity list, or a custom matcher.`,
        );
      }
    }
  }
  if (
    patterns.length === 0 &&
    !hasCustomMatcher &&
    paramNames.length === 0 &&
    (chain.match.keywords ?? []).length === 0
  ) {
    fail('the chain has nothing to match a query by: give it patterns, keywords or entities.');
  }
}

/** The named groups of a regular-expression source (compiling it, so a bad source throws). */
export function namedGroups(source: string): string[] {
  new RegExp(source, 'iu');
  return [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((match) => match[1] as string);
}
