import Database from 'better-sqlite3';
import { z } from 'zod';
import type { Plan } from 'toolplan/internal';
import type { BenchCase, BenchScenario, ScenarioContext } from './bench-scenario.js';
import { simulatedTool } from './simulated-tool.js';
import type { ToolLatency } from './tool-latency.js';

/**
 * # user-context — the seed article's compiled chain
 *
 * `get_user → get_preferences → get_recent_orders → aggregate_context`, over a real SQLite
 * database that the scenario creates in memory on `open()` and closes on `close()`. The
 * preferences and the orders both need only the user's id, so a plan runs them side by side.
 */

/** Seed data: deterministic, small, and enough to make the queries select something. */
const USERS = [
  { id: 1, email: 'alice@example.com', name: 'Alice Martin', tier: 'gold', since: '2021-03-14' },
  { id: 2, email: 'bob@example.com', name: 'Bob Okafor', tier: 'standard', since: '2022-11-02' },
  { id: 3, email: 'chen@example.com', name: 'Chen Wei', tier: 'silver', since: '2020-07-21' },
] as const;

const PREFERENCES = [
  { userId: 1, language: 'en-GB', newsletter: true, interests: ['science fiction', 'coffee'] },
  { userId: 2, language: 'en-US', newsletter: false, interests: ['cycling'] },
  { userId: 3, language: 'zh-CN', newsletter: true, interests: ['tea', 'board games', 'jazz'] },
] as const;

/** Orders with their items; prices in cents. */
const ORDERS = [
  {
    id: 1001,
    userId: 1,
    placedAt: '2024-02-11',
    status: 'delivered',
    currency: 'EUR',
    items: [
      { name: 'The Left Hand of Darkness (paperback)', quantity: 1, priceCents: 1299 },
      { name: 'Yirgacheffe coffee beans 250 g', quantity: 2, priceCents: 950 },
    ],
  },
  {
    id: 1007,
    userId: 2,
    placedAt: '2024-03-02',
    status: 'delivered',
    currency: 'USD',
    items: [{ name: 'Bike chain lube', quantity: 1, priceCents: 1450 }],
  },
  {
    id: 1017,
    userId: 1,
    placedAt: '2024-03-28',
    status: 'delivered',
    currency: 'EUR',
    items: [{ name: 'Ceramic pour-over dripper', quantity: 1, priceCents: 2670 }],
  },
  {
    id: 1023,
    userId: 3,
    placedAt: '2024-04-05',
    status: 'delivered',
    currency: 'EUR',
    items: [{ name: 'Oolong tea 100 g', quantity: 3, priceCents: 1190 }],
  },
  {
    id: 1034,
    userId: 1,
    placedAt: '2024-04-19',
    status: 'delivered',
    currency: 'EUR',
    items: [{ name: 'Hyperion (hardcover)', quantity: 1, priceCents: 2400 }],
  },
  {
    id: 1042,
    userId: 1,
    placedAt: '2024-05-02',
    status: 'shipped',
    currency: 'EUR',
    items: [
      { name: 'AeroPress Go', quantity: 1, priceCents: 3995 },
      { name: 'Paper filters (350)', quantity: 1, priceCents: 649 },
    ],
  },
] as const;

/** How many orders `get_recent_orders` returns when not told. */
const DEFAULT_RECENT_ORDERS = 3;

/**
 * Creates the scenario's database in memory and seeds it. The caller owns it and closes it.
 * Exported so that tests can build the tools over a database they change.
 */
export function createUserContextDatabase(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`
    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      email TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      tier TEXT NOT NULL,
      member_since TEXT NOT NULL
    );
    CREATE TABLE preferences (
      user_id INTEGER PRIMARY KEY REFERENCES users(id),
      language TEXT NOT NULL,
      newsletter INTEGER NOT NULL
    );
    CREATE TABLE interests (
      user_id INTEGER NOT NULL REFERENCES users(id),
      position INTEGER NOT NULL,
      interest TEXT NOT NULL,
      PRIMARY KEY (user_id, position)
    );
    CREATE TABLE orders (
      id INTEGER PRIMARY KEY,
      user_id INTEGER NOT NULL REFERENCES users(id),
      placed_at TEXT NOT NULL,
      status TEXT NOT NULL,
      currency TEXT NOT NULL
    );
    CREATE INDEX orders_by_user ON orders (user_id, placed_at);
    CREATE TABLE order_items (
      order_id INTEGER NOT NULL REFERENCES orders(id),
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      quantity INTEGER NOT NULL,
      price_cents INTEGER NOT NULL,
      PRIMARY KEY (order_id, position)
    );
  `);
  const insertUser = db.prepare(
    'INSERT INTO users (id, email, name, tier, member_since) VALUES (?, ?, ?, ?, ?)',
  );
  const insertPreferences = db.prepare(
    'INSERT INTO preferences (user_id, language, newsletter) VALUES (?, ?, ?)',
  );
  const insertInterest = db.prepare(
    'INSERT INTO interests (user_id, position, interest) VALUES (?, ?, ?)',
  );
  const insertOrder = db.prepare(
    'INSERT INTO orders (id, user_id, placed_at, status, currency) VALUES (?, ?, ?, ?, ?)',
  );
  const insertItem = db.prepare(
    'INSERT INTO order_items (order_id, position, name, quantity, price_cents) VALUES (?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (const user of USERS) insertUser.run(user.id, user.email, user.name, user.tier, user.since);
    for (const preferences of PREFERENCES) {
      insertPreferences.run(
        preferences.userId,
        preferences.language,
        preferences.newsletter ? 1 : 0,
      );
      preferences.interests.forEach((interest, position) =>
        insertInterest.run(preferences.userId, position, interest),
      );
    }
    for (const order of ORDERS) {
      insertOrder.run(order.id, order.userId, order.placedAt, order.status, order.currency);
      order.items.forEach((item, position) =>
        insertItem.run(order.id, position, item.name, item.quantity, item.priceCents),
      );
    }
  })();
  return db;
}

/**
 * The three database tools stand for queries to a database on the same network (PostgreSQL or
 * MySQL in the same availability zone, through a connection pool). Estimates, not measurements:
 * an in-zone round trip is a fraction of a millisecond, an indexed point look-up about as much,
 * and the driver, pool and serialisation add a millisecond or two; the tail comes from pool
 * waits and contention. The orders query joins and sorts, so it is slower.
 */
const POINT_QUERY_LATENCY: ToolLatency = {
  p50Ms: 2,
  p95Ms: 8,
  source:
    'estimate: indexed point query to a database on the same network (in-zone round trip + pool + driver); not measured',
};

const ORDERS_QUERY_LATENCY: ToolLatency = {
  p50Ms: 5,
  p95Ms: 20,
  source:
    'estimate: indexed range query with a join and sort to a database on the same network; not measured',
};

/** `aggregate_context` is a pure function run in-process. Estimate. */
const IN_PROCESS_LATENCY: ToolLatency = {
  p50Ms: 0.5,
  p95Ms: 2,
  source: 'estimate: pure in-process computation (dispatch + argument parsing)',
};

const userSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  tier: z.string(),
  memberSince: z.string(),
});

const preferencesSchema = z.object({
  language: z.string(),
  newsletter: z.boolean(),
  interests: z.array(z.string()),
});

const orderSchema = z.object({
  id: z.number().int(),
  placedAt: z.string(),
  status: z.string(),
  currency: z.string(),
  totalCents: z.number().int(),
  items: z.array(z.string()),
});

type UserRecord = z.infer<typeof userSchema> & { email: string };
type PreferencesRecord = z.infer<typeof preferencesSchema> & { userId: number };
type OrderRecord = z.infer<typeof orderSchema>;

interface UserContext {
  name: string;
  tier: string;
  memberSince: string;
  language: string;
  interests: string;
  newsletter: string;
  orderCount: number;
  recentSpend: string;
  lastOrder: { id: number; date: string; status: string; items: string } | null;
}

/** Sums money per currency: `97.14 EUR`, or `10.00 EUR + 5.00 USD`. */
function formatSpend(orders: ReadonlyArray<{ currency: string; totalCents: number }>): string {
  const byCurrency = new Map<string, number>();
  for (const order of orders) {
    byCurrency.set(order.currency, (byCurrency.get(order.currency) ?? 0) + order.totalCents);
  }
  if (byCurrency.size === 0) return 'nothing';
  return [...byCurrency]
    .map(([currency, cents]) => `${(cents / 100).toFixed(2)} ${currency}`)
    .join(' + ');
}

/** The context an assistant needs about a user, in a few readable fields. */
function aggregateContext(input: {
  user: z.infer<typeof userSchema>;
  preferences: z.infer<typeof preferencesSchema>;
  orders: readonly OrderRecord[];
}): UserContext {
  const { user, preferences, orders } = input;
  const latest = orders.reduce<OrderRecord | undefined>(
    (newest, order) => (newest === undefined || order.placedAt > newest.placedAt ? order : newest),
    undefined,
  );
  return {
    name: user.name,
    tier: user.tier,
    memberSince: user.memberSince,
    language: preferences.language,
    interests: preferences.interests.join(', '),
    newsletter: preferences.newsletter ? 'subscribed' : 'not subscribed',
    orderCount: orders.length,
    recentSpend: formatSpend(orders),
    lastOrder:
      latest === undefined
        ? null
        : {
            id: latest.id,
            date: latest.placedAt,
            status: latest.status,
            items: latest.items.join(', '),
          },
  };
}

/**
 * The scenario's tools over `db` (prepared statements), with latencies drawn for `context`. With
 * `batch`, the three database tools also answer many inputs with one query each
 * (`WHERE … IN (…)`, the ids passed as one JSON array), at one query's latency.
 */
export function userContextTools(
  context: ScenarioContext,
  db: Database.Database,
  options: { batch?: boolean } = {},
) {
  const batches = options.batch === true ? userContextBatches(db) : undefined;
  const userByEmail = db.prepare<
    [string],
    Omit<UserRecord, 'memberSince'> & { member_since: string }
  >('SELECT id, email, name, tier, member_since FROM users WHERE email = ? COLLATE NOCASE');
  const preferencesByUser = db.prepare<[number], { language: string; newsletter: number }>(
    'SELECT language, newsletter FROM preferences WHERE user_id = ?',
  );
  const interestsByUser = db.prepare<[number], { interest: string }>(
    'SELECT interest FROM interests WHERE user_id = ? ORDER BY position',
  );
  const recentOrders = db.prepare<
    [number, number],
    { id: number; placed_at: string; status: string; currency: string; total_cents: number }
  >(
    `SELECT o.id, o.placed_at, o.status, o.currency,
            SUM(i.quantity * i.price_cents) AS total_cents
       FROM orders o JOIN order_items i ON i.order_id = o.id
      WHERE o.user_id = ?
      GROUP BY o.id
      ORDER BY o.placed_at DESC, o.id DESC
      LIMIT ?`,
  );
  const itemsOfOrder = db.prepare<[number], { name: string; quantity: number }>(
    'SELECT name, quantity FROM order_items WHERE order_id = ? ORDER BY position',
  );

  return [
    simulatedTool({
      context,
      name: 'get_user',
      description: 'Look up a user account by email: id, name, tier, member since.',
      inputSchema: z.object({ email: z.string().describe('The account email') }),
      latency: POINT_QUERY_LATENCY,
      compute: ({ email }): UserRecord => {
        const row = userByEmail.get(email.trim());
        if (row === undefined) throw new Error(`No user with email ${email}.`);
        return toUserRecord(row);
      },
      annotations: { readOnly: true, idempotent: true },
      ...(batches === undefined ? {} : { batch: batches.users }),
    }),
    simulatedTool({
      context,
      name: 'get_preferences',
      description: "A user's preferences: language, newsletter, interests.",
      inputSchema: z.object({ userId: z.number().int().describe('id from get_user') }),
      latency: POINT_QUERY_LATENCY,
      compute: ({ userId }): PreferencesRecord => {
        const row = preferencesByUser.get(userId);
        if (row === undefined) throw new Error(`No preferences for user ${userId}.`);
        return {
          userId,
          language: row.language,
          newsletter: row.newsletter === 1,
          interests: interestsByUser.all(userId).map(({ interest }) => interest),
        };
      },
      annotations: { readOnly: true, idempotent: true },
      ...(batches === undefined ? {} : { batch: batches.preferences }),
    }),
    simulatedTool({
      context,
      name: 'get_recent_orders',
      description: "A user's most recent orders, newest first, with totals in cents.",
      inputSchema: z.object({
        userId: z.number().int().describe('id from get_user'),
        limit: z
          .number()
          .int()
          .min(1)
          .max(20)
          .default(DEFAULT_RECENT_ORDERS)
          .describe(`default ${DEFAULT_RECENT_ORDERS}`),
      }),
      latency: ORDERS_QUERY_LATENCY,
      compute: ({ userId, limit }): { userId: number; orders: OrderRecord[] } => ({
        userId,
        orders: recentOrders
          .all(userId, limit)
          .map((row) => toOrderRecord(row, itemsOfOrder.all(row.id))),
      }),
      annotations: { readOnly: true, idempotent: true },
      ...(batches === undefined ? {} : { batch: batches.orders }),
    }),
    simulatedTool({
      context,
      name: 'aggregate_context',
      description: 'Combine a user, their preferences and orders into one short account summary.',
      inputSchema: z.object({
        user: userSchema.describe('get_user result'),
        preferences: preferencesSchema.describe('get_preferences result'),
        orders: z.array(orderSchema).describe('get_recent_orders orders'),
      }),
      latency: IN_PROCESS_LATENCY,
      compute: (input) => aggregateContext(input),
      annotations: { readOnly: true, idempotent: true },
    }),
  ];
}

/**
 * The database tools' batch forms: one query per batch, `WHERE … IN (SELECT value FROM
 * json_each(?))` with the batch's keys as one JSON array (one prepared statement for any batch
 * size), results put back in input order. A key with no row fails the batch, as it fails the
 * single call.
 */
function userContextBatches(db: Database.Database) {
  const usersByEmail = db.prepare<
    [string],
    Omit<UserRecord, 'memberSince'> & { member_since: string }
  >(
    `SELECT id, email, name, tier, member_since FROM users
      WHERE lower(email) IN (SELECT lower(value) FROM json_each(?))`,
  );
  const preferencesByUsers = db.prepare<
    [string],
    { user_id: number; language: string; newsletter: number }
  >(
    `SELECT user_id, language, newsletter FROM preferences
      WHERE user_id IN (SELECT value FROM json_each(?))`,
  );
  const interestsByUsers = db.prepare<[string], { user_id: number; interest: string }>(
    `SELECT user_id, interest FROM interests
      WHERE user_id IN (SELECT value FROM json_each(?)) ORDER BY user_id, position`,
  );
  // Each input's own limit: the newest `limit` orders per user, ranked within the user.
  const recentOrdersByUsers = db.prepare<
    [string],
    {
      user_id: number;
      id: number;
      placed_at: string;
      status: string;
      currency: string;
      total_cents: number;
    }
  >(
    `WITH pairs AS (
       SELECT json_extract(value, '$[0]') AS user_id, json_extract(value, '$[1]') AS lim
         FROM json_each(?)
     ), wanted AS (
       SELECT user_id, MAX(lim) AS lim FROM pairs GROUP BY user_id
     ), ranked AS (
       SELECT o.user_id, o.id, o.placed_at, o.status, o.currency,
              SUM(i.quantity * i.price_cents) AS total_cents,
              ROW_NUMBER() OVER (PARTITION BY o.user_id ORDER BY o.placed_at DESC, o.id DESC) AS n
         FROM orders o JOIN order_items i ON i.order_id = o.id
        WHERE o.user_id IN (SELECT user_id FROM wanted)
        GROUP BY o.id
     )
     SELECT r.user_id, r.id, r.placed_at, r.status, r.currency, r.total_cents
       FROM ranked r JOIN wanted w ON w.user_id = r.user_id
      WHERE r.n <= w.lim
      ORDER BY r.user_id, r.n`,
  );
  const itemsOfOrders = db.prepare<[string], { order_id: number; name: string; quantity: number }>(
    `SELECT order_id, name, quantity FROM order_items
      WHERE order_id IN (SELECT value FROM json_each(?)) ORDER BY order_id, position`,
  );
  const group = <Row, Key>(rows: readonly Row[], key: (row: Row) => Key) => {
    const groups = new Map<Key, Row[]>();
    for (const row of rows) {
      const list = groups.get(key(row));
      if (list === undefined) groups.set(key(row), [row]);
      else list.push(row);
    }
    return groups;
  };
  return {
    users(inputs: ReadonlyArray<{ email: string }>): UserRecord[] {
      const emails = inputs.map(({ email }) => email.trim());
      const byEmail = new Map(
        usersByEmail.all(JSON.stringify(emails)).map((row) => [row.email.toLowerCase(), row]),
      );
      return emails.map((email) => {
        const row = byEmail.get(email.toLowerCase());
        if (row === undefined) throw new Error(`No user with email ${email}.`);
        return toUserRecord(row);
      });
    },
    preferences(inputs: ReadonlyArray<{ userId: number }>): PreferencesRecord[] {
      const ids = JSON.stringify(inputs.map(({ userId }) => userId));
      const byUser = new Map(preferencesByUsers.all(ids).map((row) => [row.user_id, row]));
      const interests = group(interestsByUsers.all(ids), (row) => row.user_id);
      return inputs.map(({ userId }) => {
        const row = byUser.get(userId);
        if (row === undefined) throw new Error(`No preferences for user ${userId}.`);
        return {
          userId,
          language: row.language,
          newsletter: row.newsletter === 1,
          interests: (interests.get(userId) ?? []).map(({ interest }) => interest),
        };
      });
    },
    orders(
      inputs: ReadonlyArray<{ userId: number; limit: number }>,
    ): Array<{ userId: number; orders: OrderRecord[] }> {
      const rows = recentOrdersByUsers.all(
        JSON.stringify(inputs.map(({ userId, limit }) => [userId, limit])),
      );
      const items = group(
        itemsOfOrders.all(JSON.stringify(rows.map((row) => row.id))),
        (item) => item.order_id,
      );
      const byUser = group(rows, (row) => row.user_id);
      // Two inputs for one user with different limits share its ranked rows; each takes its own.
      return inputs.map(({ userId, limit }) => ({
        userId,
        orders: (byUser.get(userId) ?? [])
          .slice(0, limit)
          .map((row) => toOrderRecord(row, items.get(row.id) ?? [])),
      }));
    },
  };
}

/** A `users` row as the tools return it (one mapping for the single and the batch query). */
function toUserRecord(row: {
  id: number;
  email: string;
  name: string;
  tier: string;
  member_since: string;
}): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    tier: row.tier,
    memberSince: row.member_since,
  };
}

/** An `orders` row and its items as the tools return them; `2 × Paper filters` for quantities. */
function toOrderRecord(
  row: { id: number; placed_at: string; status: string; currency: string; total_cents: number },
  items: ReadonlyArray<{ name: string; quantity: number }>,
): OrderRecord {
  return {
    id: row.id,
    placedAt: row.placed_at,
    status: row.status,
    currency: row.currency,
    totalCents: row.total_cents,
    items: items.map(({ name, quantity }) => (quantity === 1 ? name : `${quantity} × ${name}`)),
  };
}

const EMAIL = 'alice@example.com';
const QUERY = `Summarise the account of the user with email ${EMAIL}: her preferences and her recent orders.`;

/** The same template serves the loop, the plan and the join: the steps have the same ids. */
const ANSWER =
  '${ctx.name} (${ctx.tier} member since ${ctx.memberSince}) prefers ${ctx.language}, ' +
  'is interested in ${ctx.interests} and is ${ctx.newsletter} to the newsletter. ' +
  'Recent orders: ${ctx.orderCount}, ${ctx.recentSpend} in total; the latest, ' +
  '#${ctx.lastOrder.id} of ${ctx.lastOrder.date} (${ctx.lastOrder.items}), is ${ctx.lastOrder.status}.';

/** The right answer, from the seed tables with plain code. */
function expectedAnswer(email = EMAIL): string {
  const user = USERS.find((entry) => entry.email === email);
  const preferences = PREFERENCES.find((entry) => entry.userId === user?.id);
  if (user === undefined || preferences === undefined) throw new Error(`${email} is not seeded`);
  const recent = ORDERS.filter((order) => order.userId === user.id)
    .toSorted((left, right) => right.placedAt.localeCompare(left.placedAt))
    .slice(0, DEFAULT_RECENT_ORDERS);
  const latest = recent[0];
  if (latest === undefined) throw new Error(`${email} has no orders`);
  const totals = recent.map((order) => ({
    currency: order.currency,
    totalCents: order.items.reduce((sum, item) => sum + item.quantity * item.priceCents, 0),
  }));
  const items = latest.items
    .map((item) => (item.quantity === 1 ? item.name : `${item.quantity} × ${item.name}`))
    .join(', ');
  return (
    `${user.name} (${user.tier} member since ${user.since}) prefers ${preferences.language}, ` +
    `is interested in ${preferences.interests.join(', ')} and is ` +
    `${preferences.newsletter ? 'subscribed' : 'not subscribed'} to the newsletter. ` +
    `Recent orders: ${recent.length}, ${formatSpend(totals)} in total; the latest, ` +
    `#${latest.id} of ${latest.placedAt} (${items}), is ${latest.status}.`
  );
}

const plan = {
  steps: [
    { id: 'u', tool: 'get_user', args: { email: EMAIL } },
    { id: 'p', tool: 'get_preferences', args: { userId: '$u.id' } },
    { id: 'o', tool: 'get_recent_orders', args: { userId: '$u.id' } },
    {
      id: 'ctx',
      tool: 'aggregate_context',
      args: { user: '$u', preferences: '$p', orders: '$o.orders' },
    },
  ],
  answer: ANSWER,
} satisfies Plan;

const userContextCase: BenchCase = {
  id: 'main',
  query: QUERY,
  script: {
    name: 'user-context/main',
    query: QUERY,
    loop: { calls: plan.steps, answer: ANSWER },
    plan,
    joinAnswer: ANSWER,
  },
  expectedAnswer: expectedAnswer(),
};

export const userContextScenario: BenchScenario = {
  name: 'user-context',
  description:
    'The seed chain get_user → get_preferences → get_recent_orders → aggregate_context over SQLite',
  open(context) {
    const db = createUserContextDatabase();
    const tools = userContextTools(context, db);
    return {
      cases: [userContextCase],
      toolsFor: () => tools,
      close() {
        db.close();
      },
    };
  },
};

/** Every seeded user: the batch case asks about all of them at once. */
const BATCH_EMAILS = USERS.map((user) => user.email);
const BATCH_QUERY = `Summarise the accounts of the users with emails ${BATCH_EMAILS.join(', ')}: their preferences and their recent orders.`;

/**
 * The tool loop's calls: one chain per user, written out (a loop calls each tool once per user),
 * so that it makes the calls a model in the loop makes.
 */
const batchLoop = {
  calls: BATCH_EMAILS.flatMap((email, position) => {
    const n = position + 1;
    return [
      { id: `u${n}`, tool: 'get_user', args: { email } },
      { id: `p${n}`, tool: 'get_preferences', args: { userId: `$u${n}.id` } },
      { id: `o${n}`, tool: 'get_recent_orders', args: { userId: `$u${n}.id` } },
      {
        id: `ctx${n}`,
        tool: 'aggregate_context',
        args: { user: `$u${n}`, preferences: `$p${n}`, orders: `$o${n}.orders` },
      },
    ];
  }),
  answer: BATCH_EMAILS.map((_, position) => ANSWER.replaceAll('ctx.', `ctx${position + 1}.`)).join(
    '\n',
  ),
};

/**
 * What a planner following the prompt writes: the users over the emails, their preferences and
 * orders over the users, and each context from the user and the preferences and orders at the same
 * position (`[$index]`, a zip) — four steps, whatever the number of users. The runtime sees three
 * ready `get_user` calls, then three `get_preferences` and three `get_recent_orders`: with
 * batching, one query each.
 */
const batchPlan = {
  steps: [
    { id: 'u', tool: 'get_user', args: { email: '$item' }, forEach: [...BATCH_EMAILS] },
    { id: 'p', tool: 'get_preferences', args: { userId: '$item.id' }, forEach: '$u' },
    { id: 'o', tool: 'get_recent_orders', args: { userId: '$item.id' }, forEach: '$u' },
    {
      id: 'ctx',
      tool: 'aggregate_context',
      args: { user: '$item', preferences: '$p[$index]', orders: '$o[$index].orders' },
      forEach: '$u',
    },
  ],
  answer: BATCH_EMAILS.map((_, position) => ANSWER.replaceAll('ctx.', `ctx[${position}].`)).join(
    '\n',
  ),
} satisfies Plan;

const userContextBatchCase: BenchCase = {
  id: 'main',
  query: BATCH_QUERY,
  script: {
    name: 'user-context-batch/main',
    query: BATCH_QUERY,
    loop: batchLoop,
    plan: batchPlan,
    joinAnswer: batchPlan.answer,
  },
  expectedAnswer: BATCH_EMAILS.map((email) => expectedAnswer(email)).join('\n'),
};

/**
 * # user-context-batch — the seed chain for several users, batched into `WHERE … IN (…)`
 *
 * The user-context question for three users at once. The database tools can take many keys per
 * query; the runtime coalesces each tool's ready calls into one query, so the plan makes a few
 * queries instead of one per user and tool. The loops call each tool once per user. The plan
 * fans out over the users and zips their results (`$p[$index]`), so it is as short for three
 * users as for thirty.
 */
export const userContextBatchScenario: BenchScenario = {
  name: 'user-context-batch',
  description: 'The user-context chain for three users at once, batched into WHERE … IN (…)',
  open(context) {
    const db = createUserContextDatabase();
    const tools = userContextTools(context, db, { batch: true });
    return {
      cases: [userContextBatchCase],
      toolsFor: () => tools,
      close() {
        db.close();
      },
    };
  },
};
