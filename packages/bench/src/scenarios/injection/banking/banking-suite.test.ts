import { describeInjectionSuiteChecks } from '../injection-checks.test-utils.js';
import { bankingSuite } from './banking-suite.js';

describeInjectionSuiteChecks(bankingSuite);
