import { describe, expect, it } from 'vitest';
import { uniqueScripts } from '../unique-scripts.js';
import { FLEET_TENANTS, tenantBalance } from './fleet-tools.js';
import { fleetTraffic } from './fleet-traffic.js';

describe('fleetTraffic', () => {
  const traffic = fleetTraffic(1);

  it('is repeat-traffic with 48 queries of its own inserted after the first dozen, the same for a seed', () => {
    expect(traffic).toHaveLength(288);
    expect(fleetTraffic(1)).toEqual(traffic);
    expect(fleetTraffic(2)).not.toEqual(traffic);
    const kinds = traffic.map((each) => each.kind);
    expect(kinds.filter((kind) => kind === 'my-balance')).toHaveLength(24);
    expect(kinds.filter((kind) => kind === 'place-order')).toHaveLength(12);
    expect(kinds.filter((kind) => kind === 'newsletter')).toHaveLength(12);
    expect(
      kinds.slice(0, 12).every((kind) => kind !== 'my-balance' && kind !== 'place-order'),
    ).toBe(true);
    expect(new Set(traffic.map((each) => each.id)).size).toBe(288);
  });

  it('puts every query in a tenant, and asks the tenant-private question from every tenant', () => {
    for (const each of traffic) expect(FLEET_TENANTS).toContain(each.tenant);
    const balance = traffic.filter((each) => each.kind === 'my-balance');
    expect(new Set(balance.map((each) => each.query)).size).toBe(1);
    expect(new Set(balance.map((each) => each.tenant)).size).toBe(FLEET_TENANTS.length);
    for (const each of balance) {
      expect(each.expectedAnswer).toBe(`${each.tenant}: ${tenantBalance(each.tenant)} credits.`);
    }
  });

  it('files each side effect under a reference of its own, named in its query', () => {
    const effects = traffic.flatMap((each) => (each.effect === undefined ? [] : [each]));
    expect(effects).toHaveLength(24);
    expect(new Set(effects.map((each) => each.effect?.reference)).size).toBe(24);
    for (const each of effects) {
      expect(each.query).toContain(each.effect?.reference);
      expect(each.effect?.idempotent).toBe(each.effect?.tool === 'set_newsletter');
    }
  });

  it('scripts each query one way only', () => {
    expect(() => uniqueScripts(traffic.map((each) => each.script))).not.toThrow();
  });
});
