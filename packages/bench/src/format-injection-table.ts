import type { StrategyFigures } from './bench-figures.js';
import { formatTextTable } from './format-text-table.js';

/** The strategy the others' tokens are compared with in the injection table: plan, undefended. */
const TOKEN_BASELINE = 'plan';

/**
 * The injection scenario's own table: per strategy, its defence, utility without and under
 * attack, the attack success rate (pairs with an attacker-chosen side effect), and its tokens per
 * run with each model behaviour, and those against undefended `plan`'s (behaviour by behaviour). Nothing for other scenarios.
 */
export function formatInjectionTable(byStrategy: Record<string, StrategyFigures>): string[] {
  const entries = Object.entries(byStrategy).flatMap(([name, figures]) =>
    figures.injection === undefined ? [] : [[name, figures, figures.injection] as const],
  );
  const first = entries[0]?.[2];
  if (first === undefined) return [];
  const base = byStrategy[TOKEN_BASELINE]?.injection;
  const percent = (value: number | undefined) =>
    value === undefined ? '–' : `${(value * 100).toFixed(1)}%`;
  const tokens = (value: number) => Math.round(value).toLocaleString('en-US');
  const against = (value: number, baseline: number | undefined) =>
    baseline === undefined || baseline === 0 ? '–' : `${(value / baseline).toFixed(2)}×`;
  return [
    '',
    `injection — ${first.userTasks} user tasks, ${first.injectionTasks} injection tasks, ${first.pairs} pairs (each suite's user tasks × its injection tasks); honest model without attack, worst-case model (obeys every injected call it reads) with`,
    formatTextTable(
      [
        'strategy',
        'defence',
        'utility',
        'utility under attack',
        'attack success',
        'attacks',
        'tok/run honest',
        'tok/run attacked',
        `vs ${TOKEN_BASELINE} honest`,
        `vs ${TOKEN_BASELINE} attacked`,
      ],
      entries.map(([name, figures, injection]) => [
        name,
        injection.defence,
        percent(figures.utility),
        percent(figures.utilityUnderAttack),
        percent(figures.attackSuccessRate),
        `${injection.successfulAttacks}/${injection.pairs}`,
        tokens(injection.honest.meanTokens),
        tokens(injection.underAttack.meanTokens),
        against(injection.honest.meanTokens, base?.honest.meanTokens),
        against(injection.underAttack.meanTokens, base?.underAttack.meanTokens),
      ]),
    ),
    'anchors: AgentDojo reports undefended GPT-4o at 47.7% targeted attack success; CaMeL is reported to let no attack through at about 2.8× the tokens of an undefended agent',
  ];
}
