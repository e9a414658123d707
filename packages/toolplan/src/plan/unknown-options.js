import { closestNames, didYouMean } from './closest-names.js';
/**
 * A problem for each key of `options` that is not a known option: an option toolplan does not
 * read must not be taken for one that it does (a `policy` that is never called, a misspelt
 * `timeoutMS`).
 */
export function unknownOptionProblems(options) {
    const known = new Set(options.known);
    return Object.keys(options.given)
        .filter((key) => !known.has(key))
        .map((key) => `\`${options.of}\` has no option \`${key}\`; it would be ignored.${didYouMean(closestNames(key, options.known))}`);
}
