import type { z } from 'zod';
import { unknownOptionProblems } from '../plan/index.js';
import { checkAnnotations } from './check-annotations.js';
import { TOOL_ANNOTATION_KEYS } from './tool-annotation-keys.js';
import { toToolSchema } from './to-tool-schema.js';
import { ToolDefinitionError } from './tool-definition-error.js';
import type { Tool, ToolAnnotations, ToolExecutionContext, ToolSchema } from './tool.js';

export interface DefineToolOptions<InputSchema extends z.ZodType, Output> extends ToolAnnotations<
  z.output<InputSchema>,
  Output
> {
  /** `[A-Za-z0-9_.-]`, unique in a registry. Dots are allowed; providers get a mapped name. */
  name: string;
  description: string;
  inputSchema: InputSchema;
  outputSchema?: z.ZodType<Output>;
  execute: (
    input: z.output<InputSchema>,
    context: ToolExecutionContext,
  ) => Promise<Output> | Output;
}

const DEFINE_TOOL_KEYS = [
  'name',
  'description',
  'inputSchema',
  'outputSchema',
  'execute',
  ...TOOL_ANNOTATION_KEYS,
];

const TOOL_NAME = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * Defines a tool with zod 4 schemas. Annotations say what the runtime may do with it; a tool
 * without `readOnly` is treated as having side effects (never run early, speculatively, twice,
 * or from an invalid plan).
 */
export function defineTool<InputSchema extends z.ZodType, Output>(
  options: DefineToolOptions<InputSchema, Output>,
): Tool<z.output<InputSchema>, Output> {
  const { name, description, inputSchema, outputSchema, execute, ...annotations } = options;
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
    throw new ToolDefinitionError({
      message: `Expected a tool \`name\` of 1–128 letters, digits, \`_\`, \`.\`, \`:\` or \`-\`, got \`${String(name)}\``,
    });
  }
  if (typeof execute !== 'function') {
    throw new ToolDefinitionError({
      message: `Tool \`${name}\`: expected \`execute\` to be a function`,
      toolName: name,
    });
  }
  const [unknown] = unknownOptionProblems({
    of: `defineTool({ name: '${name}' })`,
    given: options,
    known: DEFINE_TOOL_KEYS,
  });
  if (unknown !== undefined) throw new ToolDefinitionError({ message: unknown, toolName: name });
  checkAnnotations(name, annotations);
  const tool: Tool<z.output<InputSchema>, Output> = {
    ...annotations,
    name,
    description: description ?? '',
    inputSchema: toToolSchema(inputSchema, name) as ToolSchema<z.output<InputSchema>>,
    execute,
  };
  if (outputSchema !== undefined) {
    return { ...tool, outputSchema: toToolSchema(outputSchema, name) as ToolSchema<Output> };
  }
  return tool;
}

export { TOOL_NAME };
