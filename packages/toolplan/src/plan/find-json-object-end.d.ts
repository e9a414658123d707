/**
 * Index of the `}` that closes the JSON object opened at `start`, skipping over strings (and the
 * brackets inside them); -1 when the text ends first. Brackets are only counted, not checked:
 * `JSON.parse` of the slice decides whether it is valid.
 */
export declare function findJsonObjectEnd(text: string, start: number): number;
