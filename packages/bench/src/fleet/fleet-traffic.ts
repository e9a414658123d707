import { createSeededRandom, type Random, type ScriptedScenario } from '@toolplan/simulator';
import type { BenchCase } from '../scenarios/bench-scenario.js';
import { repeatTrafficScenario } from '../scenarios/repeat-traffic-scenario.js';
import { between, pick } from '../scenarios/seeded-draws.js';
import { TRAFFIC_PRODUCTS, TRAFFIC_USERS } from '../scenarios/repeat-traffic-tools.js';
import { FLEET_TENANTS, tenantBalance } from './fleet-tools.js';

/** A side effect a query asks for: which tool, the business reference it is filed under. */
export interface RequestedEffect {
  tool: 'place_order' | 'set_newsletter';
  /** Unique in the traffic: the ledger's rows name it, so each row is traced to its query. */
  reference: string;
  idempotent: boolean;
}

/** One query of the fleet's traffic: a bench case, the tenant asking, the side effect asked for. */
export interface FleetCase extends BenchCase {
  /** The caller's tenant: the run's `shareScope`. */
  tenant: string;
  effect?: RequestedEffect;
}

/** The kinds the fleet adds to repeat-traffic's. Stable: reports name them. */
export const FLEET_KINDS = ['my-balance', 'place-order', 'newsletter'] as const;

const BALANCE_QUERY = 'What is my account balance?';
const BALANCE_TEMPLATE = '${b.tenant}: ${b.balance} credits.';
const MY_BALANCE_QUERIES = 24;
const ORDERS = 12;
const NEWSLETTER_CHANGES = 12;

/**
 * # fleet traffic — repeat-traffic, with a tenant on every query, tenant-private reads and side effects
 *
 * The repeat-traffic stream (240 queries, 48 of warm-up) with 48 queries inserted at seeded
 * places: 24 of "What is my account balance?" — the same words from three tenants, answered by a
 * tool that reads the caller's tenant from the request, not from its arguments, so a result served
 * across `shareScope`s would show another tenant's name — and 24 side effects, each filed under a
 * reference of its own: 12 orders (not idempotent) and 12 newsletter changes (idempotent). Every
 * query runs in its tenant's scope.
 */
export function fleetTraffic(seed: number): FleetCase[] {
  const random = createSeededRandom(seed * 104_729 + 11);
  const base = repeatTrafficScenario.open({ speed: 1, seed }) as { cases: readonly BenchCase[] };
  const cases: Array<Omit<FleetCase, 'tenant'> & { tenant?: string }> = [...base.cases];
  const inserted: Array<Omit<FleetCase, 'tenant'> & { tenant?: string }> = [
    ...Array.from({ length: MY_BALANCE_QUERIES }, () => myBalance(random)),
    ...Array.from({ length: ORDERS }, (_, index) => placeOrder(random, index)),
    ...Array.from({ length: NEWSLETTER_CHANGES }, (_, index) => newsletter(random, index)),
  ];
  // Inserted after the warm-up's first dozen, so the warm-up still opens with repeat-traffic's
  // head: the one-process and fleet runs then learn from the same first queries.
  for (const each of inserted) cases.splice(between(random, 12, cases.length), 0, each);
  return cases.map((each, index) => ({
    ...each,
    id: `f${String(index + 1).padStart(3, '0')}`,
    tenant: each.tenant ?? (FLEET_TENANTS[index % FLEET_TENANTS.length] as string),
  }));
}

function script(options: {
  query: string;
  steps: Array<{ id: string; tool: string; args: Record<string, unknown> }>;
  answer: string;
  /** What the model answers when the step failed (a side effect on a worker that died). */
  failure?: string;
}): ScriptedScenario {
  return {
    name: `fleet/${options.query}`,
    query: options.query,
    loop: { calls: options.steps, answer: options.answer },
    plan: { steps: options.steps, answer: options.answer },
    joinAnswer: options.answer,
    ...(options.failure === undefined ? {} : { joinFailure: options.failure }),
  };
}

function myBalance(random: Random): FleetCase {
  const tenant = pick(random, FLEET_TENANTS);
  return {
    id: '',
    kind: 'my-balance',
    tenant,
    query: BALANCE_QUERY,
    script: script({
      query: BALANCE_QUERY,
      steps: [{ id: 'b', tool: 'get_account_balance', args: {} }],
      answer: BALANCE_TEMPLATE,
    }),
    expectedAnswer: `${tenant}: ${tenantBalance(tenant)} credits.`,
  };
}

function placeOrder(random: Random, index: number): Omit<FleetCase, 'tenant'> {
  const user = pick(random, TRAFFIC_USERS);
  const product = pick(random, TRAFFIC_PRODUCTS);
  const quantity = between(random, 1, 4);
  const reference = `ORD-${String(index + 1).padStart(3, '0')}`;
  const query = `Place order ${reference}: ${quantity} × ${product.name} for user ${user.username}.`;
  const args = { reference, username: user.username, product: product.name, quantity };
  return {
    id: '',
    kind: 'place-order',
    query,
    script: script({
      query,
      steps: [{ id: 'o', tool: 'place_order', args }],
      answer: 'Order ${o.reference} placed: ${o.quantity} × ${o.product} for ${o.username}.',
      failure: `Order ${reference} could not be placed: the order service failed.`,
    }),
    expectedAnswer: `Order ${reference} placed: ${quantity} × ${product.name} for ${user.username}.`,
    effect: { tool: 'place_order', reference, idempotent: false },
  };
}

function newsletter(random: Random, index: number): Omit<FleetCase, 'tenant'> {
  const user = pick(random, TRAFFIC_USERS);
  const subscribed = random() < 0.5;
  const reference = `NL-${String(index + 1).padStart(3, '0')}`;
  const query = `Request ${reference}: ${subscribed ? 'subscribe' : 'unsubscribe'} user ${user.username} ${subscribed ? 'to' : 'from'} the newsletter.`;
  const args = { reference, username: user.username, subscribed };
  return {
    id: '',
    kind: 'newsletter',
    query,
    script: script({
      query,
      steps: [{ id: 'n', tool: 'set_newsletter', args }],
      answer: 'Request ${n.reference}: ${n.username} subscribed: ${n.subscribed}.',
      failure: `Request ${reference} could not be done: the mailing-list service failed.`,
    }),
    expectedAnswer: `Request ${reference}: ${user.username} subscribed: ${subscribed}.`,
    effect: { tool: 'set_newsletter', reference, idempotent: true },
  };
}
