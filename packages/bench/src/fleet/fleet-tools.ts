import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { defineTool, type Tool } from 'toolplan/internal';
import type { ScenarioContext } from '../scenarios/bench-scenario.js';
import { repeatTrafficTools, TRAFFIC_PRODUCTS } from '../scenarios/repeat-traffic-tools.js';
import { drawToolLatency, type ToolLatency } from '../scenarios/tool-latency.js';

/** The tenants of the fleet's traffic; each query runs in its tenant's `shareScope`. */
export const FLEET_TENANTS = ['tenant-a', 'tenant-b', 'tenant-c'] as const;

/** A tenant's balance: what `get_account_balance` answers that tenant, and only that tenant. */
export function tenantBalance(tenant: string): number {
  const index = FLEET_TENANTS.indexOf(tenant as (typeof FLEET_TENANTS)[number]);
  if (index < 0) throw new Error(`No tenant ${tenant}.`);
  return [120, 75, 310][index] as number;
}

/**
 * Tools that stay in the agent's process: pure computation (a round trip through Redis would
 * cost more than the call) and the tenant-private read, whose tenant comes from the request.
 */
export const FLEET_LOCAL_TOOLS = ['compare_temps', 'summarize_account', 'get_account_balance'];

/** The ledger every side effect is written to: what the fault run counts. */
export interface EffectLedger {
  record(entry: {
    tool: string;
    reference: string;
    idempotencyKey: string;
    idempotent: boolean;
  }): Promise<void>;
}

/** Estimates, not measurements (no network here). */
const ORDER_SERVICE: ToolLatency = {
  p50Ms: 400,
  p95Ms: 900,
  source: 'estimate: an order service writing an order and reserving stock; not measured',
};
const PROFILE_SERVICE: ToolLatency = {
  p50Ms: 250,
  p95Ms: 600,
  source: 'estimate: a mailing-list provider updating a subscription; not measured',
};
const ACCOUNT_SERVICE: ToolLatency = {
  p50Ms: 60,
  p95Ms: 150,
  source: 'estimate: an internal billing service (one indexed read); not measured',
};

/**
 * The fleet's tools, split by where they run: `queued` on the workers (through BullMQ), `local`
 * in the agent's process. On the agent side, give no `ledger`: its side-effecting tools are the
 * queued forms' definitions and never run there.
 */
export function fleetTools(options: {
  context: ScenarioContext;
  /** Where side effects are written: the worker side's. */
  ledger?: EffectLedger;
  /** The tenant of the run a call belongs to: the agent side's (from the request). */
  tenantOf?: () => string | undefined;
  /** A side effect started or ended (the fault run kills a worker while one is running). */
  onEffect?: (event: { type: 'start' | 'end'; idempotencyKey: string; tool: string }) => void;
}): { queued: Tool[]; local: Tool[] } {
  const { context, ledger, tenantOf, onEffect } = options;
  const wait = (latency: ToolLatency, tool: string, args: unknown, signal: AbortSignal) =>
    delay(drawToolLatency({ latency, seed: context.seed, tool, args }) / context.speed, undefined, {
      signal,
    });
  const sideEffect = <Input extends { reference: string }, Output>(definition: {
    name: 'place_order' | 'set_newsletter';
    description: string;
    inputSchema: z.ZodType<Input>;
    latency: ToolLatency;
    idempotent: boolean;
    compute: (input: Input) => Output;
  }): Tool =>
    defineTool({
      name: definition.name,
      description: definition.description,
      inputSchema: definition.inputSchema,
      ...(definition.idempotent ? { idempotent: true } : {}),
      execute: async (input: Input, { idempotencyKey, signal }) => {
        if (ledger === undefined) {
          throw new Error(`${definition.name} runs on the fleet's workers only`);
        }
        const output = definition.compute(input);
        onEffect?.({ type: 'start', idempotencyKey, tool: definition.name });
        try {
          await wait(definition.latency, definition.name, input, signal);
          // The effect is made once the service's work is done; a worker killed before this line
          // made none, one killed after it made it without saying so.
          await ledger.record({
            tool: definition.name,
            reference: input.reference,
            idempotencyKey,
            idempotent: definition.idempotent,
          });
        } finally {
          onEffect?.({ type: 'end', idempotencyKey, tool: definition.name });
        }
        return output;
      },
    }) as Tool;
  const traffic = repeatTrafficTools(context) as Tool[];
  return {
    queued: [
      ...traffic.filter((tool) => !FLEET_LOCAL_TOOLS.includes(tool.name)),
      sideEffect({
        name: 'place_order',
        description:
          'Places an order (a side effect: charges the user). Filed under the request reference.',
        inputSchema: z.object({
          reference: z.string(),
          username: z.string(),
          product: z.string(),
          quantity: z.number().int().min(1).max(10),
        }),
        latency: ORDER_SERVICE,
        idempotent: false,
        compute: (input) => {
          if (!TRAFFIC_PRODUCTS.some((row) => row.name === input.product)) {
            throw new Error(`No product named ${input.product}.`);
          }
          return input;
        },
      }),
      sideEffect({
        name: 'set_newsletter',
        description:
          "Sets a user's newsletter subscription (idempotent). Filed under the request reference.",
        inputSchema: z.object({
          reference: z.string(),
          username: z.string(),
          subscribed: z.boolean(),
        }),
        latency: PROFILE_SERVICE,
        idempotent: true,
        compute: (input) => input,
      }),
    ],
    local: [
      ...traffic.filter((tool) => FLEET_LOCAL_TOOLS.includes(tool.name)),
      defineTool({
        name: 'get_account_balance',
        description:
          "The caller's account balance in credits (the caller is the signed-in tenant).",
        inputSchema: z.object({}),
        readOnly: true,
        idempotent: true,
        // Cached, and shared through Redis: exactly the result that must never cross tenants.
        ttlMs: 600_000,
        execute: async (_input, { signal }) => {
          const tenant = tenantOf?.();
          if (tenant === undefined) throw new Error('No signed-in tenant for this call.');
          await wait(ACCOUNT_SERVICE, 'get_account_balance', { tenant }, signal);
          return { tenant, balance: tenantBalance(tenant) };
        },
      }) as Tool,
    ],
  };
}
