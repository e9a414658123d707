/**
 * Index of the `}` that closes the JSON object opened at `start`, skipping over strings (and the
 * brackets inside them); -1 when the text ends first. Brackets are only counted, not checked:
 * `JSON.parse` of the slice decides whether it is valid.
 */
export function findJsonObjectEnd(text, start) {
    let depth = 0;
    let inString = false;
    for (let index = start; index < text.length; index += 1) {
        const char = text[index];
        if (inString) {
            if (char === '\\')
                index += 1;
            else if (char === '"')
                inString = false;
        }
        else if (char === '"')
            inString = true;
        else if (char === '{' || char === '[')
            depth += 1;
        else if (char === '}' || char === ']') {
            depth -= 1;
            if (depth === 0)
                return index;
        }
    }
    return -1;
}
