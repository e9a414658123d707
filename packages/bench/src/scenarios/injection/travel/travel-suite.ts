import type { InjectionSuite } from '../injection-suite.js';
import { createTravelEnvironment, type TravelEnvironment } from './travel-environment.js';
import { travelInjectionTasks } from './travel-injection-tasks.js';
import { travelTools } from './travel-tools.js';
import { travelUserTasks } from './travel-user-tasks.js';

/** Hotels, restaurants and the user's profile: the travel agent's suite. */
export const travelSuite: InjectionSuite<TravelEnvironment> = {
  name: 'travel',
  createEnvironment: createTravelEnvironment,
  tools: travelTools,
  userTasks: travelUserTasks,
  injectionTasks: travelInjectionTasks,
};
