import { z } from 'zod';

/**
 * The kinds of value a slot of a learned query can hold, read from the values seen there:
 * - `name`: a proper name of capitalised words (`Paris`, `New York`, `Acme Anvil`);
 * - `code`: an upper-case code (`AAPL`, `EUR`), which must be a value seen or a schema's enum;
 * - `word`: lower-case words (`alice`, `books`), as many as were seen;
 * - `number`: a number within the range seen and the schema's bounds;
 * - `token`: anything else, matched by its shape (`2024-01-20` fits `9-9-9`).
 */
export const SLOT_KINDS = ['name', 'code', 'word', 'number', 'token'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** What a slot learned about its values; a captured value must fit it to be taken. */
export interface SlotProfile {
  /** The kinds of the values seen (a list may mix names and codes). */
  kinds: SlotKind[];
  /** Fewest and most words of a value seen (for `name`, `word` and `token`). */
  words?: { min: number; max: number };
  /** Smallest and largest number seen, and whether every one was whole. */
  range?: { min: number; max: number; integer: boolean };
  /** Shapes of the `token` values seen (see `shapeOf`). */
  shapes?: string[];
}

export const slotProfileSchema = z
  .object({
    kinds: z.array(z.enum(SLOT_KINDS)).min(1),
    words: z
      .object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() })
      .strict()
      .optional(),
    range: z.object({ min: z.number(), max: z.number(), integer: z.boolean() }).strict().optional(),
    shapes: z.array(z.string()).optional(),
  })
  .strict();
