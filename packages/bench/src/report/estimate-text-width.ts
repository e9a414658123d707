// Em widths of DejaVu Sans (Debian's system-ui), rounded up: it is among the widest sans-serif
// faces, so room measured for it is room enough for the others.
const narrow = new Set([..."ijlI.,:;|!' ·"]);
const slim = new Set([...'ftr()[]{}-/"']);
const wide = new Set([...'mwMW%—…']);
const symbol = new Set([...'+×<>=&✗≈→~']);

/**
 * How wide a line of text is drawn, px, estimated without a browser: SVG cannot flow text, so
 * the report sizes its charts around their labels (strategy names are never cut short).
 */
export function estimateTextWidth(
  text: string,
  font: {
    /** px */
    size: number;
    /** @default false */
    bold?: boolean;
  },
): number {
  let ems = 0;
  for (const character of text) {
    if (narrow.has(character)) ems += 0.32;
    else if (slim.has(character)) ems += 0.47;
    else if (wide.has(character)) ems += 1;
    else if (symbol.has(character)) ems += 0.84;
    else if (character >= 'A' && character <= 'Z') ems += 0.8;
    else ems += 0.64;
  }
  return ems * font.size * (font.bold === true ? 1.12 : 1);
}
