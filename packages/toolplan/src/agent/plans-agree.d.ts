import { type Plan } from '../plan/index.js';
/**
 * Whether two plans make the same calls: the same steps in the same order, each with the same
 * tool, arguments, `forEach` and `after`, where a reference to the n-th step of one is a reference
 * to the n-th step of the other (step ids may differ). The answer template is not compared: it
 * words the answer, it calls nothing. How a compiled plan in shadow is checked against the
 * planner's before it may answer alone (issue 18): same tools, same arguments once bound.
 */
export declare function plansAgree(a: Plan, b: Plan): boolean;
