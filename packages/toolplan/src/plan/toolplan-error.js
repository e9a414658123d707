const marker = Symbol.for('toolplan.error');
/**
 * The base of every error toolplan throws or records. Each kind of failure has its own subclass
 * with a stable `name`, so callers can branch on `error.name` or on `Kind.isInstance(error)`.
 * `isInstance` is `instanceof` that also works across duplicated copies of the package (two
 * versions in one `node_modules`), where classes differ: each error carries, under a global
 * symbol, the names of its class and of every toolplan class above it.
 */
export class ToolplanError extends Error {
    [marker];
    constructor(options) {
        super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = options.name;
        const kinds = [];
        for (let kind = new.target; typeof kind === 'function' && kind !== Error; kind = Object.getPrototypeOf(kind)) {
            kinds.push(kind.name);
        }
        this[marker] = kinds;
    }
    /**
     * Whether `error` is of this kind: `ToolplanError.isInstance` for any toolplan error,
     * `StepTimeoutError.isInstance` for a step time-out (or a subclass of it) only.
     */
    static isInstance(error) {
        if (typeof error !== 'object' || error === null || !(marker in error))
            return false;
        if (this === ToolplanError)
            return true;
        const kinds = error[marker];
        return Array.isArray(kinds) && kinds.includes(this.name);
    }
}
export function toErrorData(error) {
    if (error instanceof Error) {
        const data = { name: error.name, message: error.message };
        for (const [key, value] of Object.entries(error)) {
            if (key === 'cause' || key === 'stack' || typeof value === 'function')
                continue;
            data[key] = value;
        }
        if (error.cause !== undefined)
            data['cause'] = toErrorData(error.cause);
        return data;
    }
    return { name: 'NonError', message: String(error) };
}
