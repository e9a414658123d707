import { describeInjectionSuiteChecks } from '../injection-checks.test-utils.js';
import { workspaceSuite } from './workspace-suite.js';

describeInjectionSuiteChecks(workspaceSuite);
