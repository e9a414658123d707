// `toolplan/plan`: the plan contract on its own, for code that writes, checks or streams plans
// around toolplan (its own planner, a plan store, an editor).
export { planSchema, planStepSchema } from '../plan/plan.js';
export { planJsonSchema } from '../plan/plan-json-schema.js';
export { parsePlanText } from '../plan/parse-plan-text.js';
export { parseStepCall } from '../plan/parse-step-call.js';
export { formatStepCall } from '../plan/format-step-call.js';
export { toPlanEnvelope } from '../plan/to-plan-envelope.js';
export { createPlanStreamParser } from '../plan/create-plan-stream-parser.js';
export { normalizeParallelGroups } from '../plan/normalize-parallel-groups.js';
export { defaultPlanLimits } from '../plan/plan-limits.js';
export { formatIssuePath } from '../plan/plan-issue.js';
export type * from '../plan/index.js';
