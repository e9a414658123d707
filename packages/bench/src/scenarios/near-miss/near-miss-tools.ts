import type { ScenarioContext } from '../bench-scenario.js';
import { nearMissBalanceTools } from './near-miss-balances.js';
import { nearMissFlightTools } from './near-miss-flights.js';
import { nearMissMarketTools } from './near-miss-markets.js';
import { nearMissOrderTools } from './near-miss-orders.js';
import { nearMissWeatherTools } from './near-miss-weather.js';

/** Every tool of the near-miss scenario: each query may need another domain's (a relation). */
export function nearMissTools(context: ScenarioContext) {
  return [
    ...nearMissWeatherTools(context),
    ...nearMissFlightTools(context),
    ...nearMissBalanceTools(context),
    ...nearMissMarketTools(context),
    ...nearMissOrderTools(context),
  ];
}
