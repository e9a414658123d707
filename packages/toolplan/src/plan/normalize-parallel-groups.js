/**
 * Accepts the seed article's form, `{"parallel_groups": [{"group": 1, "calls": [...]}]}` with
 * `$group1.results` references, and rewrites it to the DAG form. Each call becomes a step named
 * `group{n}_{i}`; `$groupN.results` becomes the array of that group's results (keeping its type),
 * `$groupN.results[i]…` the i-th call's result. A group runs after the group before it, as the
 * form promises. Anything that is not in that form is returned unchanged.
 */
export function normalizeParallelGroups(raw) {
    if (!isRecord(raw) || !Array.isArray(raw['parallel_groups']) || 'steps' in raw)
        return raw;
    const groups = raw['parallel_groups'];
    const idsByGroup = new Map();
    const steps = [];
    let previousIds = [];
    groups.forEach((group, position) => {
        const number = isRecord(group) && isPositiveInteger(group['group']) ? group['group'] : position + 1;
        const calls = isRecord(group) && Array.isArray(group['calls']) ? group['calls'] : [];
        const ids = [];
        calls.forEach((call, index) => {
            const id = isRecord(call) && typeof call['id'] === 'string' ? call['id'] : `group${number}_${index}`;
            ids.push(id);
        });
        idsByGroup.set(number, ids);
        calls.forEach((call, index) => {
            const step = {
                ...(isRecord(call) ? call : { tool: undefined }),
                id: ids[index],
            };
            if (previousIds.length > 0) {
                const after = Array.isArray(step['after']) ? step['after'] : [];
                step['after'] = [...after, ...previousIds];
            }
            steps.push(step);
        });
        previousIds = ids;
    });
    const rest = { ...raw };
    delete rest['parallel_groups'];
    const rewritten = steps.map((step) => isRecord(step) && 'args' in step ? { ...step, args: rewrite(step['args'], idsByGroup) } : step);
    const answer = typeof rest['answer'] === 'string' ? rewrite(rest['answer'], idsByGroup) : rest['answer'];
    return { ...rest, ...(answer === undefined ? {} : { answer }), steps: rewritten };
}
const WHOLE_GROUP = /^\$group(\d+)\.results$/;
// Only after an even run of `$`: an escaped `$$group1…` stays literal, `$$${group1…}` does not.
const INDEXED_GROUP = /(?<=(?:^|[^$])(?:\$\$)*)(\$\{?)group(\d+)\.results\[(\d+)\]/g;
function rewrite(value, idsByGroup) {
    if (typeof value === 'string') {
        const whole = WHOLE_GROUP.exec(value);
        if (whole !== null) {
            const ids = idsByGroup.get(Number(whole[1]));
            if (ids !== undefined)
                return ids.map((id) => `$${id}`);
        }
        return value.replace(INDEXED_GROUP, (match, prefix, group, index) => {
            const id = idsByGroup.get(Number(group))?.[Number(index)];
            return id === undefined ? match : `${prefix}${id}`;
        });
    }
    if (Array.isArray(value))
        return value.map((item) => rewrite(item, idsByGroup));
    if (isRecord(value)) {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rewrite(item, idsByGroup)]));
    }
    return value;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isPositiveInteger(value) {
    return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
