/**
 * The form of a query that chains and the plan cache match against: whitespace collapsed, and
 * the punctuation that ends or opens a sentence dropped (`"Weather in Boston?"` and
 * `"weather in Boston"` are the same request). Case is kept: parameters are taken from it.
 */
export function trimQuery(query: string): string {
  return query.replace(/\s+/g, ' ').replace(/^[\s.,;:!?¿¡]+|[\s.,;:!?]+$/gu, '');
}
