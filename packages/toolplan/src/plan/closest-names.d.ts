/** Up to `limit` candidates close enough to `name` to be what was meant, closest first. */
export declare function closestNames(name: string, candidates: readonly string[], limit?: number): string[];
/** ` Did you mean `a` or `b`?` or the empty string. */
export declare function didYouMean(names: readonly string[]): string;
