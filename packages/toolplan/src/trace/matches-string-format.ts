// The JSON Schema string formats a slot can check a value against. Others (`hostname`, `ipv6`…)
// are left to validation: the slot then learns from the values seen alone.
const FORMATS: Readonly<Record<string, RegExp>> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i,
  time: /^\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:\S+$/i,
  url: /^[a-z][a-z0-9+.-]*:\S+$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

/**
 * Whether a text is of a JSON Schema string `format`: `true` or `false` for a format known here,
 * `undefined` for one that is not (it then decides nothing).
 */
export function matchesStringFormat(format: string, text: string): boolean | undefined {
  const pattern = FORMATS[format];
  return pattern === undefined ? undefined : pattern.test(text);
}
