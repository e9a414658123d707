/** A place in a text as an editor shows it: both counted from 1. */
export interface LineAndColumn {
    line: number;
    column: number;
}
/**
 * The line and column of `offset` in `text`. Lines end at `\n` (so a `\r\n` file counts the same);
 * the column counts UTF-16 code units, as `JSON.parse`'s positions and most editors do.
 */
export declare function lineAndColumnAt(text: string, offset: number): LineAndColumn;
