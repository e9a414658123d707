export { countTokens, countTokensUpTo } from './count-tokens.js';
export {
  createToolIndex,
  parameterText,
  type ToolIndex,
  type ToolMatch,
} from './create-tool-index.js';
export { defineTool, type DefineToolOptions } from './define-tool.js';
export { normalizeJsonSchema } from './normalize-json-schema.js';
export { toProviderToolName } from './provider-tool-name.js';
export {
  renderToolSignature,
  renderType,
  type RenderToolSignatureOptions,
} from './render-tool-signature.js';
export { selectTools, type SelectToolsOptions, type ToolSelection } from './select-tools.js';
export { splitQueryClauses } from './split-query-clauses.js';
export { toBatchArrayTool } from './to-batch-array-tool.js';
export { isTool, toTool } from './to-tool.js';
export { loadOptionalPackage, MissingPackageError } from './load-optional-package.js';
export { toToolSchema } from './to-tool-schema.js';
export { ToolDefinitionError } from './tool-definition-error.js';
export {
  createToolRegistry,
  ToolRegistry,
  type ProviderToolDefinition,
  type ToolSource,
  type ToolTokenReport,
} from './tool-registry.js';
export { toolWords } from './tool-words.js';
export type {
  JsonSchema,
  Tool,
  ToolAnnotations,
  ToolExecutionContext,
  ToolSchema,
} from './tool.js';
export {
  defaultPolicy,
  isFromQuery,
  isTrustedArgument,
  type ApprovalRequest,
  type ApproveCallback,
  type PolicyDecision,
  type PolicyDecisionKind,
  type PolicyRequest,
  type ToolPolicy,
} from './tool-policy.js';
export type {
  EarlierResultSource,
  PlanLiteralSource,
  QuerySource,
  ToolResultSource,
  ValueSource,
} from './value-source.js';
