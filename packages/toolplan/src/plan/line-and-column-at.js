/**
 * The line and column of `offset` in `text`. Lines end at `\n` (so a `\r\n` file counts the same);
 * the column counts UTF-16 code units, as `JSON.parse`'s positions and most editors do.
 */
export function lineAndColumnAt(text, offset) {
    const end = Math.max(0, Math.min(offset, text.length));
    let line = 1;
    let lineStart = 0;
    for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) {
        line += 1;
        lineStart = index + 1;
    }
    return { line, column: end - lineStart + 1 };
}
