/**
 * Whether the UTF-16 code unit is one that `String.prototype.trim` removes (ECMAScript WhiteSpace
 * and LineTerminator). `parsePlanText` trims the model's text and a fence's body with `trim`, so
 * the streaming parser must agree with it on what counts as blank; this is wider than JSON's
 * whitespace (space, tab, CR, LF), e.g. a no-break space or a byte-order mark.
 */
export declare function isTrimWhitespace(code: number): boolean;
