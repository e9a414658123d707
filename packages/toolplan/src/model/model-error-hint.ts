import type { ModelErrorDescription } from './describe-model-error.js';

/** What to try after a model call failed, from how it failed. */
export function modelErrorHint(failure: Pick<ModelErrorDescription, 'kind' | 'status'>): string {
  const { kind, status } = failure;
  if (status === 401 || status === 403)
    return 'The provider refused the credentials: check the API key (e.g. OPENAI_API_KEY, ANTHROPIC_API_KEY) and that it may use this model.';
  if (status === 404)
    return 'The provider does not know this endpoint or model: check the base URL and the model id.';
  if (status === 429)
    return 'The provider is rate-limiting this key: wait, lower the request rate, or raise the quota.';
  if (kind === 'timeout')
    return 'The model did not answer in time: raise `modelTimeoutMs` for slow (reasoning) models.';
  if (kind === 'connection')
    return 'No connection to the provider: check the base URL and that the server is reachable.';
  if (status !== undefined && status >= 500)
    return 'The provider failed to answer: try again later.';
  if (status !== undefined && status >= 400)
    return 'The provider rejected the request; its message says why (a model, schema or limit it does not support).';
  return 'See the cause for details.';
}
