/** Which scripted call a tool call id the simulator sent stands for. */
export interface IssuedCall {
  scenario: string;
  callId: string;
}

/**
 * The tool call ids this server has sent, so that the next turn knows which scripted call each
 * result answers. Bounded: the oldest ids are forgotten first (a conversation whose ids were
 * forgotten is still matched by tool name and arguments).
 */
export class IssuedCalls {
  readonly #capacity: number;
  readonly #calls = new Map<string, IssuedCall>();

  constructor(capacity = 100_000) {
    this.#capacity = capacity;
  }

  add(id: string, call: IssuedCall): void {
    this.#calls.set(id, call);
    if (this.#calls.size > this.#capacity) {
      this.#calls.delete(this.#calls.keys().next().value as string);
    }
  }

  get(id: string): IssuedCall | undefined {
    return this.#calls.get(id);
  }
}
