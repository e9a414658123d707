import { z } from 'zod';
import type { PlanStep } from 'toolplan/internal';
import type { ScenarioContext } from '../bench-scenario.js';
import { simulatedTool } from '../simulated-tool.js';
import { defineNearMissDomain, type Asked } from './define-near-miss-domain.js';
import { END_OF_LAST_MONTH, TODAY, YESTERDAY, stableNumber } from './near-miss-calendar.js';
import { LANGUAGES, formatAmount, translate, type Language } from './near-miss-language.js';
import { EXPORT_JOB, IN_PROCESS, INTERNAL_SERVICE, READ_ONLY } from './near-miss-latencies.js';
import {
  COMPANIES,
  PEOPLE,
  PERSON_NAMES,
  RELATIONS,
  searchPerson,
  type Person,
  type Relation,
} from './near-miss-people.js';
import { between, listNames, pick, pickDistinct } from '../seeded-draws.js';

/**
 * The balances domain of the near-miss scenario: account balances of people (found by a lenient
 * directory search), as of a date, in a currency; company accounts (another kind of entity);
 * transactions (at most 50 listed: more is an export, another tool). Illustrative values.
 */

const MAX_LISTED = 50;
const RATES = { USD: 1, EUR: 0.92, JPY: 149.5 } as const;
type Currency = keyof typeof RATES;

function balanceOn(person: Person, date: string, pending: boolean): number {
  const drift = date === TODAY ? 0 : stableNumber(`${person.name}/${date}`, 400) - 200;
  return person.balance + drift - (pending ? stableNumber(`pending/${person.name}`, 90) : 0);
}

interface BalanceQuery {
  people: readonly string[];
  date: string;
  currency: Currency;
  pending: boolean;
  lang: Language;
}

function accounts(query: BalanceQuery) {
  return query.people.map((text) => {
    const person = searchPerson(text);
    return {
      name: person.name,
      amount: balanceOn(person, query.date, query.pending) * RATES[query.currency],
    };
  });
}

function balanceSummary(query: BalanceQuery): string {
  const parts = accounts(query).map(
    (account) => `${account.name} ${formatAmount(account.amount, query.lang)} ${query.currency}`,
  );
  const details = [query.date, ...(query.pending ? ['pending included'] : [])];
  return `${translate('Balances', query.lang)}: ${parts.join('; ')} (${details.join(', ')}).`;
}

function companySummary(name: string): string {
  const company = COMPANIES.find((each) => each.name.toLowerCase() === name.toLowerCase());
  if (company === undefined) throw new Error(`No company account named ${name}.`);
  return `${company.name} (company account): ${formatAmount(company.balance, 'en')} USD.`;
}

function transactionsTotal(person: Person, count: number): number {
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    total += 5 + stableNumber(`${person.name}/tx/${index}`, 200);
  }
  return total;
}

function transactionSummary(text: string, limit: number): string {
  const person = searchPerson(text);
  const count = Math.min(limit, MAX_LISTED);
  return `${person.name}'s last ${count} transactions: ${formatAmount(transactionsTotal(person, count), 'en')} USD in all.`;
}

function exportSummary(text: string, limit: number): string {
  const person = searchPerson(text);
  return `Export of ${person.name}'s last ${limit} transactions: ${formatAmount(transactionsTotal(person, limit), 'en')} USD in all.`;
}

export function nearMissBalanceTools(context: ScenarioContext) {
  return [
    simulatedTool({
      context,
      name: 'get_balances',
      description:
        'Account balances of people (found by a directory search) as of a date (default today), in USD (default), EUR or JPY; includePending subtracts pending payments; summary in lang (en, de, fr, es).',
      inputSchema: z.object({
        people: z.array(z.string()).min(1),
        date: z.string().optional(),
        currency: z.enum(['USD', 'EUR', 'JPY']).optional(),
        includePending: z.boolean().optional(),
        lang: z.enum(LANGUAGES).optional(),
      }),
      latency: INTERNAL_SERVICE,
      compute: (input) => {
        const query: BalanceQuery = {
          people: input.people,
          date: input.date ?? TODAY,
          currency: input.currency ?? 'USD',
          pending: input.includePending ?? false,
          lang: input.lang ?? 'en',
        };
        return { accounts: accounts(query), summary: balanceSummary(query) };
      },
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_company_balance',
      description: "A company's account balance (a company is not a person), in USD.",
      inputSchema: z.object({ company: z.string() }),
      latency: INTERNAL_SERVICE,
      compute: ({ company }) => ({ summary: companySummary(company) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'compare_balances',
      description: 'Who of the accounts (name and amount) has the highest balance.',
      inputSchema: z.object({
        accounts: z.array(z.object({ name: z.string(), amount: z.number() })).min(1),
      }),
      latency: IN_PROCESS,
      compute: ({ accounts: rows }) => {
        const best = rows.reduce((left, right) => (right.amount > left.amount ? right : left));
        return { summary: `Highest: ${best.name}.` };
      },
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_transactions',
      description: `A person's most recent transactions, at most ${MAX_LISTED} (a larger limit is cut to ${MAX_LISTED}: use export_transactions).`,
      inputSchema: z.object({ person: z.string(), limit: z.number().int().min(1) }),
      latency: INTERNAL_SERVICE,
      compute: ({ person, limit }) => ({ summary: transactionSummary(person, limit) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'export_transactions',
      description: `A person's most recent transactions, any number (an export; for more than ${MAX_LISTED}).`,
      inputSchema: z.object({ person: z.string(), limit: z.number().int().min(1) }),
      latency: EXPORT_JOB,
      compute: ({ person, limit }) => ({ summary: exportSummary(person, limit) }),
      annotations: READ_ONLY,
    }),
  ];
}

interface BalanceValues {
  people: string[];
  person: string;
  count: number;
  /** Someone not in `people`, whose relation is asked for. */
  other: Person;
  company: string;
}

type BalanceRequest =
  | {
      type: 'balances';
      people: string[];
      date?: string;
      currency?: Exclude<Currency, 'USD'>;
      pending?: true;
      lang?: Exclude<Language, 'en'>;
      relation?: { of: Person; relation: Relation | 'team' };
      company?: string;
      compare?: true;
    }
  | { type: 'transactions'; person: string; limit: number };

function solveBalances(request: BalanceRequest): {
  steps: PlanStep[];
  answer: string;
  expected: string;
} {
  if (request.type === 'transactions') {
    const exported = request.limit > MAX_LISTED;
    return {
      steps: [
        {
          id: 't',
          tool: exported ? 'export_transactions' : 'get_transactions',
          args: { person: request.person, limit: request.limit },
        },
      ],
      answer: '${t.summary}',
      expected: exported
        ? exportSummary(request.person, request.limit)
        : transactionSummary(request.person, request.limit),
    };
  }
  const options = {
    ...(request.date === undefined ? {} : { date: request.date }),
    ...(request.currency === undefined ? {} : { currency: request.currency }),
    ...(request.pending === undefined ? {} : { includePending: true }),
    ...(request.lang === undefined ? {} : { lang: request.lang }),
  };
  const query = (people: readonly string[]): BalanceQuery => ({
    people,
    date: request.date ?? TODAY,
    currency: request.currency ?? 'USD',
    pending: request.pending ?? false,
    lang: request.lang ?? 'en',
  });
  const steps: PlanStep[] = [];
  const relation = request.relation;
  if (relation?.relation === 'team') {
    steps.push(
      { id: 'p', tool: 'get_person', args: { name: relation.of.name } },
      { id: 'b', tool: 'get_balances', args: { people: request.people, ...options } },
      { id: 't', tool: 'get_balances', args: { people: '$p.team', ...options } },
    );
    return {
      steps,
      answer: '${b.summary} ${t.summary}',
      expected: `${balanceSummary(query(request.people))} ${balanceSummary(query(relation.of.team))}`,
    };
  }
  const people: string[] = [...request.people];
  const resolved: string[] = [...request.people];
  if (relation !== undefined) {
    steps.push({ id: 'p', tool: 'get_person', args: { name: relation.of.name } });
    people.push(`$p.${relation.relation}`);
    resolved.push(relation.of[relation.relation]);
  }
  steps.push({ id: 'b', tool: 'get_balances', args: { people, ...options } });
  let answer = '${b.summary}';
  let expected = balanceSummary(query(resolved));
  if (request.company !== undefined) {
    steps.push({ id: 'c', tool: 'get_company_balance', args: { company: request.company } });
    answer += ' ${c.summary}';
    expected += ` ${companySummary(request.company)}`;
  }
  if (request.compare === true) {
    steps.push({ id: 'h', tool: 'compare_balances', args: { accounts: '$b.accounts' } });
    answer += ' ${h.summary}';
    const rows = accounts(query(resolved));
    const best = rows.reduce((left, right) => (right.amount > left.amount ? right : left));
    expected += ` Highest: ${best.name}.`;
  }
  return { steps, answer, expected };
}

const list = (values: BalanceValues) => listNames(values.people);
const balances = (people: string[], extra: Partial<BalanceRequest> = {}): BalanceRequest =>
  ({ type: 'balances', people, ...extra }) as BalanceRequest;
const ofList = (suffix: string, extra: Partial<BalanceRequest>) => ({
  base: 'list',
  ask: (values: BalanceValues): Asked<BalanceRequest> => ({
    query: `What are the balances of ${list(values)}${suffix}?`,
    request: balances(values.people, extra),
  }),
});
const relationOf = (relation: Relation | 'team') => ({
  kind: 'relations-and-possessives' as const,
  base: 'list',
  ask: (values: BalanceValues): Asked<BalanceRequest> => {
    const first = values.people.slice(0, -1);
    return {
      query: `What are the balances of ${listNames([...first, `${values.other.name}'s ${relation}`])}?`,
      request: balances(first, { relation: { of: values.other, relation } }),
    };
  },
});

export const balanceDomain = defineNearMissDomain<BalanceValues, BalanceRequest>({
  name: 'balances',
  drawValues(random) {
    const people = pickDistinct(random, PERSON_NAMES, between(random, 2, 3));
    // The relation's person stands apart, and so does whom the relation names.
    const others = PEOPLE.filter(
      (person) =>
        !people.includes(person.name) &&
        RELATIONS.every((relation) => !people.includes(person[relation])),
    );
    return {
      people,
      person: pick(random, PERSON_NAMES),
      count: between(random, 3, 20),
      other: pick(random, others.length > 0 ? others : PEOPLE),
      company: pick(random, COMPANIES).name,
    };
  },
  solve: solveBalances,
  bases: {
    list: (values) => ({
      query: `What are the balances of ${list(values)}?`,
      request: balances(values.people),
    }),
    transactions: (values) => ({
      query: `Show the last ${values.count} transactions of ${values.person}`,
      request: { type: 'transactions', person: values.person, limit: values.count },
    }),
  },
  nearMisses: [
    relationOf('manager'),
    relationOf('assistant'),
    relationOf('spouse'),
    relationOf('team'),
    {
      kind: 'relations-and-possessives',
      base: 'list',
      ask: (values) => {
        const first = values.people.slice(0, -1);
        return {
          query: `What are the balances of ${listNames(first)} and the manager of ${values.other.name}?`,
          request: balances(first, { relation: { of: values.other, relation: 'manager' } }),
        };
      },
    },
    {
      kind: 'negations',
      base: 'list',
      ask: (values) => ({
        query: `What are the balances of ${listNames(values.people.slice(0, -1))} and not ${values.people.at(-1) ?? ''}?`,
        request: balances(values.people.slice(0, -1)),
      }),
    },
    {
      kind: 'negations',
      base: 'list',
      ask: (values) => ({
        query: `What are the balances of ${listNames(values.people.slice(0, -1))}, not ${values.people.at(-1) ?? ''}?`,
        request: balances(values.people.slice(0, -1)),
      }),
    },
    { kind: 'dates-and-times', ...ofList(' yesterday', { date: YESTERDAY }) },
    { kind: 'dates-and-times', ...ofList(' last month', { date: END_OF_LAST_MONTH }) },
    { kind: 'units-and-currencies', ...ofList(' in euros', { currency: 'EUR' }) },
    { kind: 'units-and-currencies', ...ofList(' in yen', { currency: 'JPY' }) },
    {
      kind: 'entity-kinds',
      base: 'list',
      ask: (values) => {
        const first = values.people.slice(0, -1);
        return {
          query: `What are the balances of ${listNames([...first, values.company])}?`,
          request: balances(first, { company: values.company }),
        };
      },
    },
    {
      kind: 'languages',
      base: 'list',
      ask: (values) => ({
        query: `What are the balances of ${values.people.slice(0, 2).join(' und ')}?`,
        request: balances(values.people.slice(0, 2), { lang: 'de' }),
      }),
    },
    {
      kind: 'languages',
      base: 'list',
      ask: (values) => ({
        query: `What are the balances of ${values.people.slice(0, 2).join(' y ')}?`,
        request: balances(values.people.slice(0, 2), { lang: 'es' }),
      }),
    },
    { kind: 'languages', ...ofList(', s’il vous plaît', { lang: 'fr' }) },
    { kind: 'paraphrases-that-keep-the-plan', ...ofList(' please', {}) },
    { kind: 'paraphrases-that-keep-the-plan', ...ofList(' right now', {}) },
    { kind: 'added-constraints', ...ofList(' including pending', { pending: true }) },
    { kind: 'extra-steps', ...ofList(', and who has the most', { compare: true }) },
    // Limits past the list's 50, varied with the base's own count.
    ...[
      (count: number) => count * 300,
      (count: number) => count + 50,
      (count: number) => count * 20,
    ].map((limitOf) => ({
      kind: 'numbers-that-change-the-tool' as const,
      base: 'transactions',
      ask: (values: BalanceValues): Asked<BalanceRequest> => ({
        query: `Show the last ${limitOf(values.count)} transactions of ${values.person}`,
        request: { type: 'transactions', person: values.person, limit: limitOf(values.count) },
      }),
    })),
  ],
});
