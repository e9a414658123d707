import { describeInjectionSuiteChecks } from '../injection-checks.test-utils.js';
import { slackSuite } from './slack-suite.js';

describeInjectionSuiteChecks(slackSuite);
