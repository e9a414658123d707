import { z } from 'zod';
import type { PlanStep } from 'toolplan/internal';
import type { ScenarioContext } from '../bench-scenario.js';
import { simulatedTool } from '../simulated-tool.js';
import { defineNearMissDomain, type Asked } from './define-near-miss-domain.js';
import { THIS_MONDAY, YESTERDAY, stableNumber } from './near-miss-calendar.js';
import { LANGUAGES, formatAmount, translate, type Language } from './near-miss-language.js';
import { EXPORT_JOB, INTERNAL_SERVICE, READ_ONLY } from './near-miss-latencies.js';
import {
  COMPANIES,
  PEOPLE,
  PERSON_NAMES,
  searchPerson,
  type Person,
  type Relation,
} from './near-miss-people.js';
import { between, listNames, pick, pickDistinct } from '../seeded-draws.js';

/**
 * The orders domain of the near-miss scenario: a shop's orders, listed (at most 100: a larger
 * limit is cut to 100, as paginated APIs do — more is an export, another tool), by customer
 * (found by a directory search), since a date, by status, in a currency; company accounts' orders
 * (another kind of entity). Illustrative values.
 */

const MAX_LISTED = 100;
const DEFAULT_LIMIT = 20;
const EUROS_PER_DOLLAR = 0.92;
type Status = 'pending' | 'refunded';

interface OrderQuery {
  limit: number;
  customers: readonly string[] | undefined;
  status: Status | undefined;
  since: string | undefined;
  currency: 'USD' | 'EUR';
  lang: Language;
}

/** Amounts of the orders a query selects: deterministic per customer (or the whole shop). */
function orderAmounts(query: OrderQuery): number[] {
  const owners =
    query.customers === undefined
      ? ['shop']
      : query.customers.map((text) => searchPerson(text).name);
  const amounts: number[] = [];
  for (const owner of owners) {
    const count = Math.min(query.limit, MAX_LISTED);
    for (let index = 0; index < count; index += 1) {
      const key = `${owner}/${index}`;
      if (query.status !== undefined && stableNumber(`${query.status}/${key}`, 3) !== 0) continue;
      // Orders older than `since` drop out: every third for this week, every second for one day.
      if (query.since !== undefined && stableNumber(`${query.since}/${key}`, 3) === 0) continue;
      amounts.push(10 + stableNumber(key, 190));
    }
  }
  return amounts;
}

function orderSummary(query: OrderQuery): string {
  const amounts = orderAmounts(query);
  const total =
    amounts.reduce((sum, amount) => sum + amount, 0) *
    (query.currency === 'EUR' ? EUROS_PER_DOLLAR : 1);
  const who =
    query.customers === undefined
      ? ''
      : ` of ${listNames(query.customers.map((text) => searchPerson(text).name))}`;
  const filters = [
    ...(query.status === undefined ? [] : [query.status]),
    ...(query.since === undefined ? [] : [`since ${query.since}`]),
  ];
  return `${amounts.length} ${translate('orders', query.lang)}${who}${filters.length === 0 ? '' : ` (${filters.join(', ')})`}: ${formatAmount(total, query.lang)} ${query.currency} ${translate('total', query.lang)}.`;
}

function exportSummary(limit: number): string {
  let total = 0;
  for (let index = 0; index < limit; index += 1) total += 10 + stableNumber(`shop/${index}`, 190);
  return `Export of the last ${limit} orders: ${formatAmount(total, 'en')} USD in all.`;
}

function companySummary(name: string): string {
  const company = COMPANIES.find((each) => each.name.toLowerCase() === name.toLowerCase());
  if (company === undefined) throw new Error(`No company account named ${name}.`);
  const count = 3 + stableNumber(`orders/${company.name}`, 20);
  return `${company.name} (company account): ${count} orders.`;
}

function totalsSummary(customers: readonly string[]): string {
  const parts = customers.map((text) => {
    const name = searchPerson(text).name;
    let total = 0;
    for (let index = 0; index < DEFAULT_LIMIT; index += 1) {
      total += 10 + stableNumber(`${name}/${index}`, 190);
    }
    return `${name} ${formatAmount(total, 'en')} USD`;
  });
  return `Totals: ${parts.join('; ')}.`;
}

export function nearMissOrderTools(context: ScenarioContext) {
  return [
    simulatedTool({
      context,
      name: 'list_orders',
      description: `The shop's most recent orders, newest first: limit (default ${DEFAULT_LIMIT}) at most ${MAX_LISTED} — a larger limit is cut to ${MAX_LISTED}, use export_orders; optionally of some customers (directory search), with a status (pending, refunded), since a date (YYYY-MM-DD), totals in USD (default) or EUR, summary in lang (en, de, fr, es).`,
      inputSchema: z.object({
        limit: z.number().int().min(1).optional(),
        customers: z.array(z.string()).min(1).optional(),
        status: z.enum(['pending', 'refunded']).optional(),
        since: z.string().optional(),
        currency: z.enum(['USD', 'EUR']).optional(),
        lang: z.enum(LANGUAGES).optional(),
      }),
      latency: INTERNAL_SERVICE,
      compute: (input) => ({
        summary: orderSummary({
          limit: input.limit ?? DEFAULT_LIMIT,
          customers: input.customers,
          status: input.status,
          since: input.since,
          currency: input.currency ?? 'USD',
          lang: input.lang ?? 'en',
        }),
      }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'export_orders',
      description: `The shop's most recent orders, any number (an export; for more than ${MAX_LISTED}).`,
      inputSchema: z.object({ limit: z.number().int().min(1) }),
      latency: EXPORT_JOB,
      compute: ({ limit }) => ({ summary: exportSummary(limit) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'list_company_orders',
      description: "A company account's orders (a company is not a person).",
      inputSchema: z.object({ company: z.string() }),
      latency: INTERNAL_SERVICE,
      compute: ({ company }) => ({ summary: companySummary(company) }),
      annotations: READ_ONLY,
    }),
    simulatedTool({
      context,
      name: 'get_order_totals',
      description: `What each customer spent over their last ${DEFAULT_LIMIT} orders, in USD.`,
      inputSchema: z.object({ customers: z.array(z.string()).min(1) }),
      latency: INTERNAL_SERVICE,
      compute: ({ customers }) => ({ summary: totalsSummary(customers) }),
      annotations: READ_ONLY,
    }),
  ];
}

interface OrderValues {
  count: number;
  customers: string[];
  /** Someone not among `customers`, whose relation is asked for. */
  other: Person;
  company: string;
}

type OrderRequest =
  | { type: 'last'; limit: number }
  | {
      type: 'customers';
      customers: string[];
      status?: Status;
      since?: string;
      currency?: 'EUR';
      lang?: Exclude<Language, 'en'>;
      relation?: { of: Person; relation: Relation };
      company?: string;
      totals?: true;
    };

function solveOrders(request: OrderRequest): {
  steps: PlanStep[];
  answer: string;
  expected: string;
} {
  if (request.type === 'last') {
    const exported = request.limit > MAX_LISTED;
    return {
      steps: [
        {
          id: 'o',
          tool: exported ? 'export_orders' : 'list_orders',
          args: { limit: request.limit },
        },
      ],
      answer: '${o.summary}',
      expected: exported
        ? exportSummary(request.limit)
        : orderSummary({
            limit: request.limit,
            customers: undefined,
            status: undefined,
            since: undefined,
            currency: 'USD',
            lang: 'en',
          }),
    };
  }
  const steps: PlanStep[] = [];
  const customers: string[] = [...request.customers];
  const resolved: string[] = [...request.customers];
  if (request.relation !== undefined) {
    steps.push({ id: 'p', tool: 'get_person', args: { name: request.relation.of.name } });
    customers.push(`$p.${request.relation.relation}`);
    resolved.push(request.relation.of[request.relation.relation]);
  }
  steps.push({
    id: 'o',
    tool: 'list_orders',
    args: {
      customers,
      ...(request.status === undefined ? {} : { status: request.status }),
      ...(request.since === undefined ? {} : { since: request.since }),
      ...(request.currency === undefined ? {} : { currency: request.currency }),
      ...(request.lang === undefined ? {} : { lang: request.lang }),
    },
  });
  let answer = '${o.summary}';
  let expected = orderSummary({
    limit: DEFAULT_LIMIT,
    customers: resolved,
    status: request.status,
    since: request.since,
    currency: request.currency ?? 'USD',
    lang: request.lang ?? 'en',
  });
  if (request.company !== undefined) {
    steps.push({ id: 'c', tool: 'list_company_orders', args: { company: request.company } });
    answer += ' ${c.summary}';
    expected += ` ${companySummary(request.company)}`;
  }
  if (request.totals === true) {
    steps.push({ id: 't', tool: 'get_order_totals', args: { customers } });
    answer += ' ${t.summary}';
    expected += ` ${totalsSummary(resolved)}`;
  }
  return { steps, answer, expected };
}

const list = (values: OrderValues) => listNames(values.customers);
const ofCustomers = (customers: string[], extra: Partial<OrderRequest> = {}): OrderRequest =>
  ({ type: 'customers', customers, ...extra }) as OrderRequest;
const ordersOf = (suffix: string, extra: Partial<OrderRequest>) => ({
  base: 'customers',
  ask: (values: OrderValues): Asked<OrderRequest> => ({
    query: `Show the orders of ${list(values)}${suffix}`,
    request: ofCustomers(values.customers, extra),
  }),
});
const relationOf = (relation: Relation) => ({
  kind: 'relations-and-possessives' as const,
  base: 'customers',
  ask: (values: OrderValues): Asked<OrderRequest> => {
    const first = values.customers.slice(0, -1);
    return {
      query: `Show the orders of ${listNames([...first, `${values.other.name}'s ${relation}`])}`,
      request: ofCustomers(first, { relation: { of: values.other, relation } }),
    };
  },
});

export const orderDomain = defineNearMissDomain<OrderValues, OrderRequest>({
  name: 'orders',
  drawValues(random) {
    const customers = pickDistinct(random, PERSON_NAMES, between(random, 2, 3));
    const others = PEOPLE.filter(
      (person) =>
        !customers.includes(person.name) &&
        !customers.includes(person.manager) &&
        !customers.includes(person.spouse),
    );
    return {
      count: between(random, 5, 50),
      customers,
      other: pick(random, others.length > 0 ? others : PEOPLE),
      company: pick(random, COMPANIES).name,
    };
  },
  solve: solveOrders,
  bases: {
    last: (values) => ({
      query: `Show the last ${values.count} orders`,
      request: { type: 'last', limit: values.count },
    }),
    customers: (values) => ({
      query: `Show the orders of ${list(values)}`,
      request: ofCustomers(values.customers),
    }),
  },
  nearMisses: [
    // Limits past the list's 100, varied with the base's own count.
    ...[
      (count: number) => count * 100,
      (count: number) => count + 100,
      (count: number) => count * 1000,
    ].map((limitOf) => ({
      kind: 'numbers-that-change-the-tool' as const,
      base: 'last',
      ask: (values: OrderValues): Asked<OrderRequest> => ({
        query: `Show the last ${limitOf(values.count)} orders`,
        request: { type: 'last', limit: limitOf(values.count) },
      }),
    })),
    relationOf('manager'),
    relationOf('spouse'),
    {
      kind: 'negations',
      base: 'customers',
      ask: (values) => ({
        query: `Show the orders of ${listNames(values.customers.slice(0, -1))} and not ${values.customers.at(-1) ?? ''}`,
        request: ofCustomers(values.customers.slice(0, -1)),
      }),
    },
    {
      kind: 'negations',
      base: 'customers',
      ask: (values) => ({
        query: `Show the orders of ${listNames(values.customers.slice(0, -1))}, not ${values.customers.at(-1) ?? ''}`,
        request: ofCustomers(values.customers.slice(0, -1)),
      }),
    },
    { kind: 'dates-and-times', ...ordersOf(' this week', { since: THIS_MONDAY }) },
    { kind: 'dates-and-times', ...ordersOf(' since yesterday', { since: YESTERDAY }) },
    { kind: 'added-constraints', ...ordersOf(' still pending', { status: 'pending' }) },
    { kind: 'added-constraints', ...ordersOf(' that were refunded', { status: 'refunded' }) },
    { kind: 'units-and-currencies', ...ordersOf(' in euros', { currency: 'EUR' }) },
    {
      kind: 'entity-kinds',
      base: 'customers',
      ask: (values) => {
        const first = values.customers.slice(0, -1);
        return {
          query: `Show the orders of ${listNames([...first, values.company])}`,
          request: ofCustomers(first, { company: values.company }),
        };
      },
    },
    {
      kind: 'languages',
      base: 'customers',
      ask: (values) => ({
        query: `Show the orders of ${values.customers.slice(0, 2).join(' und ')}`,
        request: ofCustomers(values.customers.slice(0, 2), { lang: 'de' }),
      }),
    },
    { kind: 'extra-steps', ...ordersOf(', and their totals', { totals: true }) },
    { kind: 'paraphrases-that-keep-the-plan', ...ordersOf(' please', {}) },
    {
      kind: 'paraphrases-that-keep-the-plan',
      base: 'last',
      ask: (values) => ({
        query: `Show the last ${values.count} orders please`,
        request: { type: 'last', limit: values.count },
      }),
    },
  ],
});
