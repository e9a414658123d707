import type { Random } from '@toolplan/simulator';

/**
 * The text as a network stream delivers it: the UTF-8 bytes cut into pieces of 1 to `maxBytes`
 * bytes (random, seeded), each decoded as it arrives (`TextDecoder` in streaming mode, which holds
 * back a character split between pieces). Pieces that decode to nothing are dropped.
 */
export function splitIntoChunks(text: string, maxBytes: number, random: Random): string[] {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const chunks: string[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const size = 1 + Math.floor(random() * maxBytes);
    const chunk = decoder.decode(bytes.subarray(offset, offset + size), { stream: true });
    if (chunk.length > 0) chunks.push(chunk);
    offset += size;
  }
  const rest = decoder.decode();
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}
