/** An output item the simulator sent in a Responses answer, as a later `item_reference` names it. */
export type StoredResponseItem =
  | { type: 'message'; id: string; text: string }
  | { type: 'function_call'; id: string; call_id: string; name: string; arguments: string };

/**
 * The output items this server has sent through the Responses API, by item id: with `store`
 * (OpenAI's default), a client may send an earlier turn back as `{ type: "item_reference", id }`
 * instead of the item itself. Bounded: the oldest items are forgotten first, as a real store
 * expires them.
 */
export class ResponseItems {
  readonly #capacity: number;
  readonly #items = new Map<string, StoredResponseItem>();

  constructor(capacity = 100_000) {
    this.#capacity = capacity;
  }

  add(item: StoredResponseItem): void {
    this.#items.set(item.id, item);
    if (this.#items.size > this.#capacity) {
      this.#items.delete(this.#items.keys().next().value as string);
    }
  }

  get(id: string): StoredResponseItem | undefined {
    return this.#items.get(id);
  }
}
