import type { ModelCallError } from '../model/index.js';
import { API_KEY_VARIABLES } from './endpoint-options.js';

/**
 * What to try after a model call of `toolplan run` failed, in the CLI's own terms: its flags and
 * the variables it reads the key from, where the library can only speak of options.
 */
export function cliModelHint(options: {
  error: Pick<ModelCallError, 'status' | 'kind' | 'hint'>;
  /** The run used the simulated provider (no `--base-url`). */
  simulated: boolean;
}): string {
  const { error, simulated } = options;
  const keys = API_KEY_VARIABLES.join(' or ');
  if (simulated && error.status === 400)
    return (
      'The simulated provider answers only the queries of its script book: pass `--scripts FILE` with a script for this query, or `--base-url URL --model ID` to ask a real provider (the key in ' +
      keys +
      ').'
    );
  if (error.status === 401 || error.status === 403)
    return `The provider refused the credentials: set ${keys} to a key that may use this model.`;
  if (error.status === 404)
    return 'The provider does not know this endpoint or model: check `--base-url` (it ends in /v1) and `--model`.';
  if (error.kind === 'connection')
    return 'No connection to the provider: check `--base-url` and that the server is reachable.';
  return error.hint;
}
