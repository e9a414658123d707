import type { ArgumentIssue, ToolCatalog } from '../plan/index.js';
import { countTokens } from './count-tokens.js';
import { toProviderToolName } from './provider-tool-name.js';
import { renderToolSignature, type RenderToolSignatureOptions } from './render-tool-signature.js';
import { toBatchArrayTool } from './to-batch-array-tool.js';
import { toTool } from './to-tool.js';
import { ToolDefinitionError } from './tool-definition-error.js';
import type { JsonSchema, Tool } from './tool.js';

/** Tools as toolplan takes them: an array, a record keyed by name (an AI SDK tool set), or a registry. */
export type ToolSource = ToolRegistry | readonly unknown[] | Readonly<Record<string, unknown>>;

/** A tool as providers are sent it (OpenAI's function-tool form, under the provider-safe name). */
export interface ProviderToolDefinition {
  type: 'function';
  function: { name: string; description: string; parameters: JsonSchema };
}

export interface ToolTokenReport {
  name: string;
  /** Tokens of the compact signature toolplan renders for prompts. */
  compactTokens: number;
  /** Tokens of the JSON-Schema definition providers are sent. */
  jsonSchemaTokens: number;
}

/**
 * The tools of a run, by name. Validates plans' arguments (it is the plan layer's
 * {@link ToolCatalog}), renders tools for prompts and for providers, and maps names reversibly
 * to the forms providers accept.
 */
export class ToolRegistry implements ToolCatalog {
  readonly #tools = new Map<string, Tool>();
  readonly #providerNames = new Map<string, string>();
  readonly #byProviderName = new Map<string, string>();

  constructor(tools: Iterable<Tool>) {
    const all = [...tools].flatMap((tool) =>
      tool.exposeBatch !== undefined && tool.exposeBatch !== false
        ? [tool, toBatchArrayTool(tool) as Tool]
        : [tool],
    );
    for (const tool of all) {
      if (this.#tools.has(tool.name)) {
        throw new ToolDefinitionError({
          message: `Two tools are named \`${tool.name}\`; names must be unique.`,
          toolName: tool.name,
        });
      }
      this.#tools.set(tool.name, tool);
      const base = toProviderToolName(tool.name);
      let providerName = base;
      for (let suffix = 2; this.#byProviderName.has(providerName); suffix += 1) {
        providerName = `${base.slice(0, 60)}_${suffix}`;
      }
      this.#providerNames.set(tool.name, providerName);
      this.#byProviderName.set(providerName, tool.name);
    }
  }

  has(name: string): boolean {
    return this.#tools.has(name);
  }

  get(name: string): Tool | undefined {
    return this.#tools.get(name);
  }

  names(): string[] {
    return [...this.#tools.keys()];
  }

  list(): Tool[] {
    return [...this.#tools.values()];
  }

  get size(): number {
    return this.#tools.size;
  }

  checkArguments(name: string, args: unknown): readonly ArgumentIssue[] {
    const tool = this.#tools.get(name);
    if (tool === undefined) return [];
    const result = tool.inputSchema.validate(args);
    return result.success ? [] : result.issues;
  }

  /** The name providers see for a tool (`spotify.play` → `spotify_play`). */
  providerName(name: string): string {
    const providerName = this.#providerNames.get(name);
    if (providerName === undefined)
      throw new ToolDefinitionError({ message: `No tool is named \`${name}\`.`, toolName: name });
    return providerName;
  }

  /** The tool behind a provider-side name, or `undefined`. */
  toolNameFromProvider(providerName: string): string | undefined {
    return (
      this.#byProviderName.get(providerName) ??
      (this.#tools.has(providerName) ? providerName : undefined)
    );
  }

  /** Every tool's compact signature, one after another, in registration order. */
  renderCompact(options?: RenderToolSignatureOptions): string {
    return this.list()
      .map((tool) =>
        renderToolSignature(
          {
            name: tool.name,
            description: tool.description,
            jsonSchema: tool.inputSchema.jsonSchema,
          },
          options,
        ),
      )
      .join('\n');
  }

  /** The definitions providers are sent, under provider-safe names. */
  providerDefinitions(): ProviderToolDefinition[] {
    return this.list().map((tool) => ({
      type: 'function',
      function: {
        name: this.providerName(tool.name),
        description: tool.description,
        parameters: tool.inputSchema.jsonSchema,
      },
    }));
  }

  /** Tokens (o200k) of each tool's compact rendering beside its JSON-Schema definition. */
  tokenReport(options?: RenderToolSignatureOptions): {
    tools: ToolTokenReport[];
    compactTokens: number;
    jsonSchemaTokens: number;
  } {
    const definitions = this.providerDefinitions();
    const tools = this.list().map((tool, index) => ({
      name: tool.name,
      compactTokens: countTokens(
        renderToolSignature(
          {
            name: tool.name,
            description: tool.description,
            jsonSchema: tool.inputSchema.jsonSchema,
          },
          options,
        ),
      ),
      jsonSchemaTokens: countTokens(JSON.stringify(definitions[index])),
    }));
    return {
      tools,
      compactTokens: countTokens(this.renderCompact(options)),
      jsonSchemaTokens: countTokens(JSON.stringify(definitions)),
    };
  }
}

/** Builds a registry from tools in any accepted form (see `toTool`). */
export function createToolRegistry(source: ToolSource): ToolRegistry {
  if (source instanceof ToolRegistry) return source;
  if (Array.isArray(source)) return new ToolRegistry(source.map((value) => toTool(value)));
  return new ToolRegistry(Object.entries(source).map(([name, value]) => toTool(value, name)));
}
