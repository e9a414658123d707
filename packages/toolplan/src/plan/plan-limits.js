export const defaultPlanLimits = Object.freeze({
    maxSteps: 100,
    maxForEachItems: 100,
    maxStepCallDepth: 64,
    maxValueDepth: 64,
    maxReferences: 10_000,
});
/** Fills in defaults and rejects nonsense eagerly, with the offending value in the message. */
export function resolvePlanLimits(limits = {}) {
    const resolved = { ...defaultPlanLimits, ...limits };
    for (const key of Object.keys(defaultPlanLimits)) {
        const value = resolved[key];
        if (!Number.isInteger(value) || value < 1) {
            throw new TypeError(`Expected \`${key}\` to be a positive integer, got \`${String(value)}\``);
        }
    }
    return resolved;
}
