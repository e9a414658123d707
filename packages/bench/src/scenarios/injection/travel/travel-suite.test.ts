import { describeInjectionSuiteChecks } from '../injection-checks.test-utils.js';
import { travelSuite } from './travel-suite.js';

describeInjectionSuiteChecks(travelSuite);
