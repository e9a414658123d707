import type { InjectionSuite } from '../injection-suite.js';
import { createSlackEnvironment, type SlackEnvironment } from './slack-environment.js';
import { slackInjectionTasks } from './slack-injection-tasks.js';
import { slackTools } from './slack-tools.js';
import { slackUserTasks } from './slack-user-tasks.js';

/** Channels, direct messages and linked pages: the team-messaging suite. */
export const slackSuite: InjectionSuite<SlackEnvironment> = {
  name: 'slack',
  createEnvironment: createSlackEnvironment,
  tools: slackTools,
  userTasks: slackUserTasks,
  injectionTasks: slackInjectionTasks,
};
