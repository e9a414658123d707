declare const marker: unique symbol;
/**
 * The base of every error toolplan throws or records. Each kind of failure has its own subclass
 * with a stable `name`, so callers can branch on `error.name` or on `Kind.isInstance(error)`.
 * `isInstance` is `instanceof` that also works across duplicated copies of the package (two
 * versions in one `node_modules`), where classes differ: each error carries, under a global
 * symbol, the names of its class and of every toolplan class above it.
 */
export declare class ToolplanError extends Error {
    private readonly [marker];
    constructor(options: {
        name: string;
        message: string;
        cause?: unknown;
    });
    /**
     * Whether `error` is of this kind: `ToolplanError.isInstance` for any toolplan error,
     * `StepTimeoutError.isInstance` for a step time-out (or a subclass of it) only.
     */
    static isInstance<Kind extends ToolplanError>(this: {
        readonly prototype: Kind;
        readonly name: string;
    }, error: unknown): error is Kind;
}
/** A plain-data view of any thrown value: what `--json` output and traces carry. */
export interface ErrorData {
    name: string;
    message: string;
    [field: string]: unknown;
}
export declare function toErrorData(error: unknown): ErrorData;
export {};
