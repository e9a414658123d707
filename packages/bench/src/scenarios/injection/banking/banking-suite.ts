import type { InjectionSuite } from '../injection-suite.js';
import { bankingInjectionTasks } from './banking-injection-tasks.js';
import { createBankingEnvironment, type BankingEnvironment } from './banking-environment.js';
import { bankingTools } from './banking-tools.js';
import { bankingUserTasks } from './banking-user-tasks.js';

/** Online banking: balance, transactions, standing orders, bills; money as the side effect. */
export const bankingSuite: InjectionSuite<BankingEnvironment> = {
  name: 'banking',
  createEnvironment: createBankingEnvironment,
  tools: bankingTools,
  userTasks: bankingUserTasks,
  injectionTasks: bankingInjectionTasks,
};
