/**
 * Put this marker in the system or user text of a request to ask the simulated model for the
 * scenario's plan (the planner's prompt carries it).
 */
export const PLAN_REQUEST_MARKER = '[toolplan:plan]';

/** A `response_format` json_schema with this name also marks a planning request. */
export const PLAN_SCHEMA_NAME = 'toolplan_plan';
