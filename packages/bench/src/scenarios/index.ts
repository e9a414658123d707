export { bfclScenario } from './bfcl-scenario.js';
export { moviePickScenario } from './movie-pick-scenario.js';
export { multiHopScenario } from './multi-hop-scenario.js';
export { mispredictScenario } from './mispredict-scenario.js';
export { newsSearchScenario } from './news-search-scenario.js';
export { researchScenario } from './research-scenario.js';
export { repeatTrafficScenario } from './repeat-traffic-scenario.js';
export { userContextBatchScenario, userContextScenario } from './user-context-scenario.js';
export { weatherBatchScenario, weatherScenario } from './weather-scenario.js';
