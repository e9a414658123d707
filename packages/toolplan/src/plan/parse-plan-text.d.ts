/**
 * Reads the JSON object out of a model's text. Tolerates the usual wrapping — a ```json fence,
 * prose before or after — but repairs nothing inside the JSON: a plan whose text is not valid
 * JSON is a {@link PlanParseError}, because a guess at what was meant could change what runs.
 */
export declare function parsePlanText(text: string): unknown;
