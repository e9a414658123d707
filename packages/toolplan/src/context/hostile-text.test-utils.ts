/**
 * Text that costs a tokenizer the most: a fixed-seed sequence of `length` characters from
 * `span` code points starting at `first`, with no word breaks, no two runs alike (so no cache
 * hides the cost). Letters by default; `0x4e00, 20_000` is CJK, `0x21, 94` printable ASCII.
 */
export function hostileText(length: number, first = 0x61, span = 26): string {
  let seed = 7;
  const codes: number[] = [];
  for (let index = 0; index < length; index += 1) {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    codes.push(first + (seed % span));
  }
  let text = '';
  for (let index = 0; index < codes.length; index += 8_192)
    text += String.fromCharCode(...codes.slice(index, index + 8_192));
  return text;
}

/** `[[[…1…]]]` (or `{ a: { a: … } }`) nested `depth` levels, built without recursion. */
export function nestedValue(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}
