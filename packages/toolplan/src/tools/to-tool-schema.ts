import { createRequire } from 'node:module';
import type { Ajv, ErrorObject } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { z } from 'zod';
import type { ArgumentIssue } from '../plan/index.js';
import { normalizeJsonSchema } from './normalize-json-schema.js';
import { ToolDefinitionError } from './tool-definition-error.js';
import type { JsonSchema, ToolSchema } from './tool.js';

// One validator instance for every JSON-Schema tool: ajv caches compiled schemas per instance.
// Formats are not checked: tool catalogues use many that are not standard.
const ajvOptions = { allErrors: true, strict: false, validateFormats: false } as const;
const require = createRequire(import.meta.url);
let validators: { draft7: Ajv; draft2020: Ajv } | undefined;

/**
 * ajv is loaded on the first JSON-Schema tool, not when toolplan is imported: it costs ~60 ms
 * of start-up (measured) that a program with zod tools only never needs.
 */
function jsonSchemaValidators(): { draft7: Ajv; draft2020: Ajv } {
  validators ??= {
    draft7: new (require('ajv') as { Ajv: typeof Ajv }).Ajv(ajvOptions),
    // Schemas that declare draft 2020-12 (zod 4's `toJSONSchema`, many MCP servers) need its
    // vocabulary.
    draft2020: new (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020(ajvOptions),
  };
  return validators;
}

const AI_SDK_SCHEMA = Symbol.for('vercel.ai.schema');

/**
 * Turns whatever a tool's schema was given as — a zod 4 schema, an AI SDK `jsonSchema()` /
 * `zodSchema()` object, or a plain JSON Schema (also in the `"type": "dict"` dialect) — into a
 * {@link ToolSchema}.
 */
export function toToolSchema(input: unknown, toolName: string): ToolSchema {
  if (typeof input !== 'object' || input === null) return convertToolSchema(input, toolName);
  // Registries are built per run (a bench case, a wrapped tool set) from the same schema objects;
  // compiling a JSON Schema with ajv or rendering a zod one costs far more than the run's own
  // validation (profiled: ajv's compile was the bench's fourth largest CPU cost). Schemas are
  // treated as immutable once a tool is defined, as the AI SDK treats them.
  const cached = converted.get(input);
  if (cached !== undefined) return cached;
  const schema = convertToolSchema(input, toolName);
  converted.set(input, schema);
  return schema;
}

const converted = new WeakMap<object, ToolSchema>();

function convertToolSchema(input: unknown, toolName: string): ToolSchema {
  if (input === undefined || input === null)
    return fromJsonSchema({ type: 'object', properties: {} }, toolName);
  if (typeof input !== 'object') {
    throw new ToolDefinitionError({
      message: `Tool \`${toolName}\`: expected its input schema to be a zod schema or a JSON Schema object, got ${typeof input}.`,
      toolName,
    });
  }
  if (isZodSchema(input)) return fromZod(input);
  if (AI_SDK_SCHEMA in input) {
    const jsonSchema = (input as unknown as { jsonSchema: unknown }).jsonSchema;
    if (typeof (jsonSchema as PromiseLike<unknown> | undefined)?.then === 'function') {
      throw new ToolDefinitionError({
        message: `Tool \`${toolName}\`: its schema is lazy (a promise); give toolplan a resolved JSON Schema or a zod schema.`,
        toolName,
      });
    }
    return fromJsonSchema(jsonSchema, toolName);
  }
  if ('~standard' in input) {
    throw new ToolDefinitionError({
      message: `Tool \`${toolName}\`: only zod 4 among Standard Schema libraries is supported; pass a zod 4 schema or a JSON Schema.`,
      toolName,
    });
  }
  return fromJsonSchema(input, toolName);
}

function isZodSchema(input: object): input is z.ZodType {
  return '_zod' in input;
}

function fromZod(schema: z.ZodType): ToolSchema {
  const jsonSchema: JsonSchema = {
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }),
  };
  delete jsonSchema['$schema'];
  return {
    jsonSchema,
    validate(value) {
      const result = schema.safeParse(value);
      if (result.success) return { success: true, value: result.data };
      return {
        success: false,
        issues: result.error.issues.map((issue) => ({
          path: issue.path.map((segment) =>
            typeof segment === 'symbol' ? String(segment) : segment,
          ),
          message: withSubject(issue.path, issue.message),
        })),
      };
    },
  };
}

function fromJsonSchema(raw: unknown, toolName: string): ToolSchema {
  const jsonSchema = normalizeJsonSchema(raw);
  let check;
  try {
    const { draft7, draft2020 } = jsonSchemaValidators();
    check = (String(jsonSchema['$schema'] ?? '').includes('2020-12') ? draft2020 : draft7).compile(
      jsonSchema,
    );
  } catch (cause) {
    throw new ToolDefinitionError({
      message: `Tool \`${toolName}\`: its JSON Schema is invalid (${(cause as Error).message}).`,
      toolName,
      cause,
    });
  }
  return {
    jsonSchema,
    validate(value) {
      if (check(value)) return { success: true, value };
      return { success: false, issues: (check.errors ?? []).map(toArgumentIssue) };
    },
  };
}

function toArgumentIssue(error: ErrorObject): ArgumentIssue {
  const path: Array<string | number> = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const missing = String(params['missingProperty']);
    return {
      path: [...path, missing],
      message: `\`${[...path, missing].join('.')}\` is required but missing`,
    };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(params['additionalProperty']);
    return {
      path: [...path, extra],
      message: `\`${[...path, extra].join('.')}\` is not a parameter of this tool`,
    };
  }
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'enum' && Array.isArray(params['allowedValues'])) {
    message = `must be one of ${params['allowedValues'].map((item) => JSON.stringify(item)).join(', ')}`;
  }
  return { path, message: withSubject(path, message) };
}

function withSubject(path: ReadonlyArray<PropertyKey>, message: string): string {
  if (path.length === 0) return `arguments: ${message}`;
  return `\`${path.map(String).join('.')}\`: ${message}`;
}

export type { JsonSchema };
