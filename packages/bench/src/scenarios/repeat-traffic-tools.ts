import { z } from 'zod';
import type { ScenarioContext } from './bench-scenario.js';
import { simulatedTool } from './simulated-tool.js';
import { weatherTools, type WeatherReport } from './weather-scenario.js';
import type { ToolLatency } from './tool-latency.js';

/**
 * The tables and tools behind the repeat-traffic scenario: a weather API, a user service and a
 * shop's catalogue. Illustrative values, not observations. Every tool is read-only: the traffic
 * is questions, and a chain mined from it may then run without a developer's review.
 */

export const TRAFFIC_DATE = '2024-01-20';

export const TRAFFIC_CITIES = [
  { city: 'Boston', temp: 28, condition: 'partly cloudy', windMph: 12 },
  { city: 'New York', temp: 31, condition: 'sunny', windMph: 10 },
  { city: 'Chicago', temp: 14, condition: 'clear and frigid', windMph: 9 },
  { city: 'Miami', temp: 68, condition: 'mostly sunny', windMph: 8 },
  { city: 'Seattle', temp: 46, condition: 'light rain', windMph: 6 },
  { city: 'Denver', temp: 22, condition: 'snow showers', windMph: 15 },
  { city: 'Austin', temp: 52, condition: 'overcast', windMph: 7 },
  { city: 'Phoenix', temp: 61, condition: 'sunny', windMph: 5 },
  { city: 'Atlanta', temp: 41, condition: 'cloudy', windMph: 9 },
  { city: 'Portland', temp: 44, condition: 'drizzle', windMph: 11 },
  { city: 'Minneapolis', temp: 3, condition: 'clear and bitter', windMph: 13 },
  { city: 'San Diego', temp: 63, condition: 'sunny', windMph: 6 },
] as const;

export const TRAFFIC_USERS = [
  { username: 'alice', name: 'Alice Moreau', tier: 'gold', categories: ['books', 'tea'] },
  { username: 'bruno', name: 'Bruno Silva', tier: 'silver', categories: ['cycling'] },
  { username: 'chen', name: 'Chen Wei', tier: 'gold', categories: ['cameras', 'hiking'] },
  { username: 'dara', name: 'Dara Okafor', tier: 'bronze', categories: ['kitchen'] },
  { username: 'emeka', name: 'Emeka Obi', tier: 'silver', categories: ['games', 'music'] },
  { username: 'farah', name: 'Farah Haddad', tier: 'gold', categories: ['garden'] },
  { username: 'goran', name: 'Goran Petrov', tier: 'bronze', categories: ['tools', 'camping'] },
  { username: 'hana', name: 'Hana Sato', tier: 'silver', categories: ['yoga', 'tea'] },
  { username: 'ivan', name: 'Ivan Novak', tier: 'bronze', categories: ['chess'] },
  { username: 'jules', name: 'Jules Martin', tier: 'gold', categories: ['running', 'books'] },
] as const;

export const TRAFFIC_PRODUCTS = [
  { sku: 'P-101', name: 'Acme Anvil', price: 89 },
  { sku: 'P-102', name: 'Trail Runner', price: 120 },
  { sku: 'P-103', name: 'Desk Lamp', price: 35 },
  { sku: 'P-104', name: 'Coffee Grinder', price: 64 },
  { sku: 'P-105', name: 'Rain Jacket', price: 150 },
  { sku: 'P-106', name: 'Road Bike', price: 899 },
  { sku: 'P-107', name: 'Chess Set', price: 45 },
  { sku: 'P-108', name: 'Yoga Mat', price: 29 },
  { sku: 'P-109', name: 'Water Bottle', price: 19 },
  { sku: 'P-110', name: 'Camp Stove', price: 75 },
] as const;

export const TRAFFIC_STORES = ['Downtown', 'Airport', 'Harbor'] as const;

/** Units of a product in a store: deterministic, varied, sometimes zero. */
export function stockCount(sku: string, store: string): number {
  let hash = 7;
  for (const character of `${sku}@${store}`) hash = (hash * 31 + character.charCodeAt(0)) % 9973;
  return hash % 13;
}

/** A user's orders, newest first: deterministic from the catalogue. */
export function recentOrders(userIndex: number, limit: number) {
  return Array.from({ length: limit }, (_, index) => {
    const product = TRAFFIC_PRODUCTS[(userIndex * 3 + index * 7) % TRAFFIC_PRODUCTS.length];
    if (product === undefined) throw new Error('empty catalogue');
    return { orderId: `O-${userIndex + 1}${index + 1}`, item: product.name, total: product.price };
  });
}

/** The account summary `summarize_account` writes (the expected answer uses it too). */
export function accountSummary(options: {
  name: string;
  tier: string;
  categories: readonly string[];
  orders: ReadonlyArray<{ item: string; total: number }>;
}): string {
  const spent = options.orders.reduce((sum, order) => sum + order.total, 0);
  return `${options.name} (${options.tier}) likes ${options.categories.join(' and ')}; last ${options.orders.length} orders: ${options.orders.map((order) => order.item).join(', ')} ($${spent} in all).`;
}

/** Estimates, not measurements (no network here). */
const USER_SERVICE: ToolLatency = {
  p50Ms: 30,
  p95Ms: 80,
  source: 'estimate: an internal user service in the same region (one indexed read); not measured',
};
const ORDER_SERVICE: ToolLatency = {
  p50Ms: 60,
  p95Ms: 150,
  source: 'estimate: an internal order service (a small range scan); not measured',
};
const CATALOGUE_API: ToolLatency = {
  p50Ms: 80,
  p95Ms: 200,
  source: 'estimate: a shop catalogue / inventory API in the same region; not measured',
};
const IN_PROCESS: ToolLatency = {
  p50Ms: 0.5,
  p95Ms: 2,
  source: 'estimate: pure in-process computation',
};

/** The weather API's answer for one of the traffic's cities, on the traffic's one date. */
function trafficWeather(city: string, date: string): WeatherReport {
  if (date !== TRAFFIC_DATE) throw new Error(`No weather data for ${city} on ${date}.`);
  const row = TRAFFIC_CITIES.find((entry) => entry.city.toLowerCase() === city.toLowerCase());
  if (row === undefined) throw new Error(`No weather data for ${city}.`);
  return { city: row.city, date, temp: row.temp, condition: row.condition, windMph: row.windMph };
}

function findUser(username: string) {
  const index = TRAFFIC_USERS.findIndex((entry) => entry.username === username.toLowerCase());
  const row = TRAFFIC_USERS[index];
  if (row === undefined) throw new Error(`No user named ${username}.`);
  return { row, index };
}

function findUserById(userId: string) {
  const index = Number(userId.replace(/^U-/, '')) - 1;
  const row = TRAFFIC_USERS[index];
  if (row === undefined) throw new Error(`No user with id ${userId}.`);
  return { row, index };
}

export function repeatTrafficTools(context: ScenarioContext) {
  const readOnly = { readOnly: true, idempotent: true } as const;
  return [
    ...weatherTools(context, { lookUp: trafficWeather }),
    simulatedTool({
      context,
      name: 'get_user',
      description: 'A user account by username: id, full name, membership tier.',
      inputSchema: z.object({ username: z.string() }),
      latency: USER_SERVICE,
      compute: ({ username }) => {
        const { row, index } = findUser(username);
        return { id: `U-${index + 1}`, username: row.username, name: row.name, tier: row.tier };
      },
      annotations: readOnly,
    }),
    simulatedTool({
      context,
      name: 'get_preferences',
      description: "A user's shopping preferences by user id.",
      inputSchema: z.object({ userId: z.string() }),
      latency: USER_SERVICE,
      compute: ({ userId }) => ({ userId, categories: [...findUserById(userId).row.categories] }),
      annotations: readOnly,
    }),
    simulatedTool({
      context,
      name: 'get_recent_orders',
      description: "A user's most recent orders, newest first.",
      inputSchema: z.object({ userId: z.string(), limit: z.number().int().min(1).max(10) }),
      latency: ORDER_SERVICE,
      compute: ({ userId, limit }) => ({
        userId,
        orders: recentOrders(findUserById(userId).index, limit),
      }),
      annotations: readOnly,
    }),
    simulatedTool({
      context,
      name: 'summarize_account',
      description: 'One sentence about an account from its user, preferences and orders.',
      inputSchema: z.object({
        user: z.object({ name: z.string(), tier: z.string() }),
        preferences: z.object({ categories: z.array(z.string()) }),
        orders: z.object({ orders: z.array(z.object({ item: z.string(), total: z.number() })) }),
      }),
      latency: IN_PROCESS,
      compute: ({ user, preferences, orders }) => ({
        text: accountSummary({
          name: user.name,
          tier: user.tier,
          categories: preferences.categories,
          orders: orders.orders,
        }),
      }),
      annotations: readOnly,
    }),
    simulatedTool({
      context,
      name: 'find_product',
      description: 'A product of the catalogue by name: SKU, name, price in USD.',
      inputSchema: z.object({ name: z.string() }),
      latency: CATALOGUE_API,
      compute: ({ name }) => {
        const row = TRAFFIC_PRODUCTS.find(
          (entry) => entry.name.toLowerCase() === name.toLowerCase(),
        );
        if (row === undefined) throw new Error(`No product named ${name}.`);
        return { sku: row.sku, name: row.name, price: row.price };
      },
      annotations: readOnly,
    }),
    simulatedTool({
      context,
      name: 'get_stock',
      description: 'Units of a product (by SKU) in stock at one store.',
      inputSchema: z.object({ sku: z.string(), store: z.string() }),
      latency: CATALOGUE_API,
      compute: ({ sku, store }) => {
        const known = TRAFFIC_STORES.find((entry) => entry.toLowerCase() === store.toLowerCase());
        if (known === undefined) throw new Error(`No store named ${store}.`);
        return { sku, store: known, count: stockCount(sku, known) };
      },
      annotations: readOnly,
    }),
  ];
}
