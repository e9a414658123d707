/**
 * Accepts the seed article's form, `{"parallel_groups": [{"group": 1, "calls": [...]}]}` with
 * `$group1.results` references, and rewrites it to the DAG form. Each call becomes a step named
 * `group{n}_{i}`; `$groupN.results` becomes the array of that group's results (keeping its type),
 * `$groupN.results[i]…` the i-th call's result. A group runs after the group before it, as the
 * form promises. Anything that is not in that form is returned unchanged.
 */
export declare function normalizeParallelGroups(raw: unknown): unknown;
