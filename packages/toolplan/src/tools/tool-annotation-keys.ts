import type { EveryKeyOf } from '../plan/index.js';
import type { ToolAnnotations } from './tool.js';

/** Every annotation of a tool, checked against `ToolAnnotations` when the package is built. */
export const TOOL_ANNOTATION_KEYS = [
  'readOnly',
  'idempotent',
  'trusted',
  'batch',
  'maxBatchSize',
  'exposeBatch',
  'ttlMs',
  'project',
  'reasoningFields',
  'timeoutMs',
  'concurrency',
  'policy',
] as const;

const everyAnnotation: EveryKeyOf<ToolAnnotations, typeof TOOL_ANNOTATION_KEYS> =
  TOOL_ANNOTATION_KEYS;
void everyAnnotation;
