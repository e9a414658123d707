import { checkPlanBounds } from './check-plan-bounds.js';
import { closestNames, didYouMean } from './closest-names.js';
import { findCycles } from './find-cycles.js';
import { normalizeParallelGroups } from './normalize-parallel-groups.js';
import { parseStepCall } from './parse-step-call.js';
import { PlanValidationError } from './plan-errors.js';
import { resolvePlanLimits } from './plan-limits.js';
import { planSchema, planStepSchema } from './plan.js';
import { compileValue, FOR_EACH_INDEX, FOR_EACH_ITEM, formatPathSegment, isForEachIndexSegment, } from './reference.js';
const validatedPlans = new WeakSet();
/** True for a value returned by {@link validatePlan} (not a look-alike object). */
export function isValidatedPlan(value) {
    return typeof value === 'object' && value !== null && validatedPlans.has(value);
}
const RESERVED_IDS = new Set([FOR_EACH_ITEM, FOR_EACH_INDEX]);
/**
 * Checks a plan (already parsed from JSON; the seed's `parallel_groups` form is accepted too)
 * against the tools and limits. A step may be an object or a call string (`parseStepCall`), in
 * any mix; the validated plan holds canonical steps only, and no `answer` for `"answer": null`. Collects every issue and throws one {@link PlanValidationError}
 * holding all of them, or returns the validated plan.
 */
export function validatePlan(raw, options) {
    const limits = resolvePlanLimits(options.limits);
    // Before anything that recurses over the plan or costs work per reference.
    const outOfBounds = checkPlanBounds(raw, { limits });
    if (outOfBounds !== undefined)
        throw new PlanValidationError({ issues: [outOfBounds] });
    const issues = [];
    const normalized = normalizeParallelGroups(raw);
    const top = planSchema.safeParse(normalized);
    if (!top.success) {
        for (const issue of top.error.issues) {
            issues.push({
                code: 'invalid_structure',
                path: issue.path,
                message: `${issue.message}. A plan is {"steps": ["id=tool(name=value,…)", …], "answer": "…" or null}.`,
            });
        }
        throw new PlanValidationError({ issues });
    }
    const rawSteps = top.data.steps;
    if (rawSteps.length > limits.maxSteps) {
        issues.push({
            code: 'too_many_steps',
            path: ['steps'],
            message: `The plan has ${rawSteps.length} steps; at most ${limits.maxSteps} are allowed. Use \`forEach\` to repeat one tool over a list, or plan fewer steps.`,
        });
    }
    // Call strings become canonical steps first; a string that does not parse is one issue.
    const expanded = rawSteps.map((rawStep, index) => expandStep(rawStep, index, limits));
    const steps = expanded.map((entry, index) => {
        if (!entry.ok) {
            issues.push(entry.issue);
            return undefined;
        }
        const rawStep = entry.step;
        const parsed = planStepSchema.safeParse(rawStep);
        if (parsed.success)
            return parsed.data;
        for (const issue of parsed.error.issues) {
            const stepId = stepIdOf(rawStep);
            issues.push({
                code: issue.path[0] === 'id' && issue.code === 'invalid_format'
                    ? 'invalid_step_id'
                    : 'invalid_structure',
                path: ['steps', index, ...issue.path],
                message: `${issue.message}. A step is "id=tool(name=value,…)" or {"id", "tool", "args", "after"?, "forEach"?}.`,
                ...(stepId === undefined ? {} : { stepId }),
            });
        }
        return undefined;
    });
    const available = new Set(options.available ?? []);
    const firstIndexById = new Map();
    steps.forEach((step, index) => {
        if (step === undefined)
            return;
        if (available.has(step.id)) {
            issues.push({
                code: 'duplicate_step_id',
                path: ['steps', index, 'id'],
                stepId: step.id,
                message: `Step id \`${step.id}\` already names a finished result; refer to that result as \`$${step.id}\`, or give this step another id.`,
            });
        }
        if (RESERVED_IDS.has(step.id)) {
            issues.push({
                code: 'reserved_step_id',
                path: ['steps', index, 'id'],
                stepId: step.id,
                message: `\`${step.id}\` is reserved for \`forEach\` (\`$item\`, \`$index\`); give this step another id.`,
            });
        }
        const first = firstIndexById.get(step.id);
        if (first === undefined)
            firstIndexById.set(step.id, index);
        else {
            issues.push({
                code: 'duplicate_step_id',
                path: ['steps', index, 'id'],
                stepId: step.id,
                message: `Step id \`${step.id}\` is already used by steps[${first}]; every step needs its own id.`,
            });
        }
    });
    const ids = [...firstIndexById.keys()];
    // A step already reported for its shape still has an id: references to it are not also reported.
    const knownIds = new Set([
        ...ids,
        ...expanded
            .map((entry) => (entry.ok ? stepIdOf(entry.step) : entry.issue.stepId))
            .filter((id) => id !== undefined),
    ]);
    const referable = new Set([...knownIds, ...available]);
    const validated = [];
    const edges = new Map();
    steps.forEach((step, index) => {
        if (step === undefined)
            return;
        const result = checkStep({ step, index, knownIds, available, ids, options, limits, issues });
        if (firstIndexById.get(step.id) === index) {
            validated.push(result);
            edges.set(step.id, [...result.dependencies]);
        }
    });
    for (const cycle of findCycles(ids, edges)) {
        const first = cycle[0];
        issues.push({
            code: 'cycle',
            path: ['steps', firstIndexById.get(first)],
            stepId: first,
            message: `Steps depend on each other in a cycle: ${cycle.join(' → ')}. A step can only use results of steps that do not depend on it.`,
        });
    }
    const answerText = top.data.answer ?? undefined;
    let answer;
    if (answerText !== undefined) {
        const compiled = compileValue(answerText, ['answer']);
        answer = compiled.value;
        for (const problem of compiled.problems) {
            issues.push({ code: 'invalid_reference', path: problem.location, message: problem.message });
        }
        for (const { reference, location } of compiled.references) {
            if (reference.path.some(isForEachIndexSegment)) {
                issues.push({
                    code: 'item_outside_for_each',
                    path: location,
                    message: `The answer uses ${reference.text}, but [$${FOR_EACH_INDEX}] only has a value inside the \`args\` of a step with \`forEach\`; write the index ([0], [1], …).`,
                });
            }
            if (!referable.has(reference.root)) {
                issues.push({
                    code: 'unknown_reference',
                    path: location,
                    message: `The answer uses ${reference.text}, but no step has the id \`${reference.root}\`.${didYouMean(closestNames(reference.root, ids))}`,
                });
            }
        }
    }
    if (issues.length > 0)
        throw new PlanValidationError({ issues });
    const plan = { steps: validated.map(({ step }) => step) };
    if (answerText !== undefined)
        plan.answer = answerText;
    if (top.data.needsReasoning !== undefined)
        plan.needsReasoning = top.data.needsReasoning;
    const result = {
        plan,
        steps: validated,
        stepsById: new Map(validated.map((step) => [step.step.id, step])),
        answer,
        limits,
        tools: options.tools,
    };
    validatedPlans.add(result);
    return result;
}
/** A step as written: an object is taken as it is, a call string is parsed. */
function expandStep(rawStep, index, limits) {
    if (typeof rawStep !== 'string')
        return { ok: true, step: rawStep };
    return parseStepCall(rawStep, { path: ['steps', index], maxDepth: limits.maxStepCallDepth });
}
function stepIdOf(rawStep) {
    if (typeof rawStep !== 'object' || rawStep === null)
        return undefined;
    const id = rawStep['id'];
    return typeof id === 'string' ? id : undefined;
}
function checkStep(context) {
    const { step, index, knownIds, available, ids, options, limits, issues } = context;
    const base = ['steps', index];
    const add = (issue) => issues.push({ ...issue, stepId: step.id });
    const dependencies = new Set();
    const toolKnown = options.tools.has(step.tool);
    if (!toolKnown) {
        add({
            code: 'unknown_tool',
            path: [...base, 'tool'],
            message: `Step \`${step.id}\` calls \`${step.tool}\`, which is not an available tool.${didYouMean(closestNames(step.tool, options.tools.names()))}`,
        });
    }
    const checkReferences = (references, itemAllowed) => {
        for (const { reference, location } of references) {
            const root = reference.root;
            const zip = reference.path.find(isForEachIndexSegment);
            if (zip !== undefined && !itemAllowed) {
                add({
                    code: 'item_outside_for_each',
                    path: location,
                    message: `${reference.text}: ${formatPathSegment(zip)} is only defined inside the \`args\` of a step with \`forEach\` (it pairs each element with the same position of another list).`,
                });
            }
            if (root === FOR_EACH_ITEM || root === FOR_EACH_INDEX) {
                if (!itemAllowed) {
                    add({
                        code: 'item_outside_for_each',
                        path: location,
                        message: `${reference.text} is only defined inside the \`args\` of a step with \`forEach\`.`,
                    });
                }
            }
            else if (root === step.id) {
                add({
                    code: 'self_reference',
                    path: location,
                    message: `Step \`${step.id}\` uses its own result (${reference.text}); a step can only use results of other steps.`,
                });
            }
            else if (available.has(root)) {
                // A result finished before this plan: nothing to wait for.
            }
            else if (!knownIds.has(root)) {
                add({
                    code: 'unknown_reference',
                    path: location,
                    message: `${reference.text} names step \`${root}\`, but the plan has no step with that id.${didYouMean(closestNames(root, ids))}`,
                });
            }
            else
                dependencies.add(root);
        }
    };
    let forEach;
    if (step.forEach !== undefined) {
        const compiled = compileValue(step.forEach, [...base, 'forEach']);
        forEach = compiled.value;
        for (const problem of compiled.problems)
            add({ code: 'invalid_reference', ...problemIssue(problem) });
        if (typeof step.forEach === 'string' && compiled.value.kind !== 'reference') {
            add({
                code: 'invalid_for_each',
                path: [...base, 'forEach'],
                message: `\`forEach\` must be a reference to an array (like "$search.items") or a literal array, got ${JSON.stringify(step.forEach)}.`,
            });
        }
        if (Array.isArray(step.forEach) && step.forEach.length > limits.maxForEachItems) {
            add({
                code: 'for_each_too_wide',
                path: [...base, 'forEach'],
                message: `\`forEach\` lists ${step.forEach.length} items; at most ${limits.maxForEachItems} are allowed.`,
            });
        }
        checkReferences(compiled.references, false);
    }
    const compiledArgs = compileValue(step.args, [...base, 'args']);
    for (const problem of compiledArgs.problems)
        add({ code: 'invalid_reference', ...problemIssue(problem) });
    checkReferences(compiledArgs.references, forEach !== undefined);
    for (const [position, after] of (step.after ?? []).entries()) {
        if (after === step.id) {
            add({
                code: 'self_reference',
                path: [...base, 'after', position],
                message: `Step \`${step.id}\` lists itself in \`after\`.`,
            });
        }
        else if (!knownIds.has(after)) {
            add({
                code: 'unknown_after',
                path: [...base, 'after', position],
                message: `\`after\` names \`${after}\`, but the plan has no step with that id.${didYouMean(closestNames(after, ids))}`,
            });
        }
        else
            dependencies.add(after);
    }
    if (toolKnown) {
        const argsBase = [...base, 'args'];
        const referenceLocations = compiledArgs.references.map(({ location }) => location.slice(argsBase.length));
        for (const issue of options.tools.checkArguments(step.tool, step.args)) {
            // Where a reference stands, the value is not known yet: it is checked before execute.
            if (referenceLocations.some((location) => overlaps(location, issue.path)))
                continue;
            add({
                code: 'invalid_arguments',
                path: [...argsBase, ...issue.path],
                message: `Step \`${step.id}\` (${step.tool}): ${issue.message}`,
            });
        }
    }
    return {
        step,
        index,
        args: compiledArgs.value,
        argumentReferences: compiledArgs.references.map((located) => ({
            ...located,
            location: located.location.slice(base.length + 1),
        })),
        forEach,
        dependencies: [...dependencies],
    };
}
function problemIssue(problem) {
    return { path: problem.location, message: problem.message };
}
/** True when one path is a prefix of the other. */
function overlaps(left, right) {
    const length = Math.min(left.length, right.length);
    for (let index = 0; index < length; index += 1) {
        if (String(left[index]) !== String(right[index]))
            return false;
    }
    return true;
}
/**
 * Validates one step on its own (an object or a call string), as far as the steps known so far allow: its shape, its tool,
 * its literal arguments, and that each reference names a known step (or an available result).
 * Streaming dispatch uses it to decide whether a step that has just arrived may start before
 * the rest of the plan exists. A step that passes here still belongs to a plan that must pass
 * {@link validatePlan} as a whole.
 */
export function validatePlanStep(raw, options) {
    const issues = [];
    const limits = resolvePlanLimits(options.limits);
    const outOfBounds = checkPlanBounds(raw, { limits, path: ['steps', options.index] });
    if (outOfBounds !== undefined)
        return { ok: false, issues: [outOfBounds] };
    const expanded = expandStep(raw, options.index, limits);
    if (!expanded.ok)
        return { ok: false, issues: [expanded.issue] };
    const parsed = planStepSchema.safeParse(expanded.step);
    if (!parsed.success) {
        for (const issue of parsed.error.issues) {
            issues.push({
                code: 'invalid_structure',
                path: ['steps', options.index, ...issue.path],
                message: issue.message,
            });
        }
        return { ok: false, issues };
    }
    const step = parsed.data;
    const available = new Set(options.available ?? []);
    if (RESERVED_IDS.has(step.id) || options.knownIds.has(step.id) || available.has(step.id)) {
        issues.push({
            code: 'duplicate_step_id',
            path: ['steps', options.index, 'id'],
            stepId: step.id,
            message: `Step id \`${step.id}\` is reserved or already used.`,
        });
        return { ok: false, issues };
    }
    const validated = checkStep({
        step,
        index: options.index,
        knownIds: options.knownIds,
        available,
        ids: [...options.knownIds],
        options: { tools: options.tools },
        limits,
        issues,
    });
    return issues.length === 0 ? { ok: true, step: validated } : { ok: false, issues };
}
