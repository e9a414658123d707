import type { InjectionSuite } from '../injection-suite.js';
import { createWorkspaceEnvironment, type WorkspaceEnvironment } from './workspace-environment.js';
import { workspaceInjectionTasks } from './workspace-injection-tasks.js';
import { workspaceTools } from './workspace-tools.js';
import { workspaceUserTasks } from './workspace-user-tasks.js';

/** E-mail, calendar and files: the office assistant's suite. */
export const workspaceSuite: InjectionSuite<WorkspaceEnvironment> = {
  name: 'workspace',
  createEnvironment: createWorkspaceEnvironment,
  tools: workspaceTools,
  userTasks: workspaceUserTasks,
  injectionTasks: workspaceInjectionTasks,
};
