/**
 * Whether the UTF-16 code unit is one that `String.prototype.trim` removes (ECMAScript WhiteSpace
 * and LineTerminator). `parsePlanText` trims the model's text and a fence's body with `trim`, so
 * the streaming parser must agree with it on what counts as blank; this is wider than JSON's
 * whitespace (space, tab, CR, LF), e.g. a no-break space or a byte-order mark.
 */
export function isTrimWhitespace(code) {
    if (code <= 0x20)
        return code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (code < 0xa0)
        return false;
    return (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff);
}
