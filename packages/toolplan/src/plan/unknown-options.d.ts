/**
 * `Keys` when it lists every key of `T`, else `never`: a list of option names checked at compile
 * time, so that an option added to an interface but not to its list fails the type check.
 */
export type EveryKeyOf<T, Keys extends readonly PropertyKey[]> = Exclude<keyof T, Keys[number]> extends never ? Keys : never;
/**
 * A problem for each key of `options` that is not a known option: an option toolplan does not
 * read must not be taken for one that it does (a `policy` that is never called, a misspelt
 * `timeoutMS`).
 */
export declare function unknownOptionProblems(options: {
    /** What the options are given to, for the message: `defineTool`, `executePlan`… */
    of: string;
    given: object;
    known: readonly string[];
}): string[];
