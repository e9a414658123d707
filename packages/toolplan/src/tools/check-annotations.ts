import { ToolDefinitionError } from './tool-definition-error.js';
import type { ToolAnnotations } from './tool.js';

/** Rejects impossible annotations eagerly, naming the tool, the field and the value. */
export function checkAnnotations(
  name: string,
  annotations: Partial<Record<keyof ToolAnnotations, unknown>>,
): void {
  const fail = (field: string, expected: string, value: unknown): never => {
    throw new ToolDefinitionError({
      message: `Tool \`${name}\`: expected \`${field}\` to be ${expected}, got \`${String(value)}\``,
      toolName: name,
    });
  };
  const {
    concurrency,
    timeoutMs,
    ttlMs,
    batch,
    maxBatchSize,
    project,
    reasoningFields,
    readOnly,
    idempotent,
    trusted,
    policy,
  } = annotations;
  if (
    concurrency !== undefined &&
    !(Number.isInteger(concurrency) && (concurrency as number) > 0)
  ) {
    fail('concurrency', 'a positive integer', concurrency);
  }
  if (timeoutMs !== undefined && !(typeof timeoutMs === 'number' && timeoutMs > 0)) {
    fail('timeoutMs', 'a positive number', timeoutMs);
  }
  if (ttlMs !== undefined && !(typeof ttlMs === 'number' && ttlMs >= 0))
    fail('ttlMs', 'a number ≥ 0', ttlMs);
  if (batch !== undefined && typeof batch !== 'function') fail('batch', 'a function', batch);
  if (
    maxBatchSize !== undefined &&
    !(Number.isInteger(maxBatchSize) && (maxBatchSize as number) > 0)
  ) {
    fail('maxBatchSize', 'a positive integer', maxBatchSize);
  }
  const { exposeBatch } = annotations;
  if (
    exposeBatch !== undefined &&
    typeof exposeBatch !== 'boolean' &&
    typeof exposeBatch !== 'string'
  ) {
    fail('exposeBatch', 'a boolean or a tool name', exposeBatch);
  }
  if (exposeBatch !== undefined && exposeBatch !== false && batch === undefined) {
    fail('batch', 'a function when `exposeBatch` is set', batch);
  }
  if (project !== undefined && typeof project !== 'function')
    fail('project', 'a function', project);
  if (
    reasoningFields !== undefined &&
    !(Array.isArray(reasoningFields) && reasoningFields.every((field) => typeof field === 'string'))
  ) {
    fail('reasoningFields', 'an array of field names', reasoningFields);
  }
  if (readOnly !== undefined && typeof readOnly !== 'boolean')
    fail('readOnly', 'a boolean', readOnly);
  if (idempotent !== undefined && typeof idempotent !== 'boolean')
    fail('idempotent', 'a boolean', idempotent);
  if (trusted !== undefined && typeof trusted !== 'boolean') fail('trusted', 'a boolean', trusted);
  if (policy !== undefined && typeof policy !== 'function') fail('policy', 'a function', policy);
}
