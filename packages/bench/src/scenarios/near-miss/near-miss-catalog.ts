import type { BaseTemplate, NearMissPattern } from './near-miss-draft.js';
import { balanceDomain } from './near-miss-balances.js';
import { flightDomain } from './near-miss-flights.js';
import { marketDomain } from './near-miss-markets.js';
import { orderDomain } from './near-miss-orders.js';
import { weatherDomain } from './near-miss-weather.js';

const DOMAINS = [weatherDomain, flightDomain, balanceDomain, marketDomain, orderDomain];

/** Every learnable base of the near-miss scenario, over all its domains. */
export const NEAR_MISS_BASES: readonly BaseTemplate[] = DOMAINS.flatMap((domain) => domain.bases);

/** Every near-miss pattern written for the scenario, over all its domains. */
export const NEAR_MISS_PATTERNS: readonly NearMissPattern[] = DOMAINS.flatMap(
  (domain) => domain.patterns,
);
