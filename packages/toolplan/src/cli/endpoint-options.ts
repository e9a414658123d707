import { CliUsageError } from './cli-usage-error.js';

/** Flags that point a command at an OpenAI-compatible endpoint instead of the simulated provider. */
export interface EndpointFlags {
  baseUrl?: string;
  model?: string;
}

/** The environment variables an API key is read from, in order. */
export const API_KEY_VARIABLES = ['TOOLPLAN_API_KEY', 'OPENAI_API_KEY'] as const;

/**
 * The endpoint the flags name, or `undefined` for the simulated provider. `--base-url` needs
 * `--model`; the API key comes from `TOOLPLAN_API_KEY` (or `OPENAI_API_KEY`), never a flag, so it
 * stays out of shell history.
 */
export function endpointFromOptions(
  flags: EndpointFlags,
  environment: NodeJS.ProcessEnv = process.env,
): { baseURL: string; modelId: string; apiKey?: string } | undefined {
  if (flags.baseUrl === undefined) {
    if (flags.model !== undefined)
      throw new CliUsageError({
        message: '`--model` needs `--base-url` (the simulated provider serves its profile).',
      });
    return undefined;
  }
  if (flags.model === undefined)
    throw new CliUsageError({
      message: '`--base-url` needs `--model`: the name of the model to ask there.',
    });
  let url: URL;
  try {
    url = new URL(flags.baseUrl);
  } catch {
    throw new CliUsageError({
      message: `Expected \`--base-url\` to be a URL such as http://localhost:11434/v1, got \`${flags.baseUrl}\``,
    });
  }
  const apiKey = API_KEY_VARIABLES.map((name) => environment[name]).find(
    (value) => value !== undefined && value !== '',
  );
  return {
    baseURL: url.href.replace(/\/$/, ''),
    modelId: flags.model,
    ...(apiKey === undefined ? {} : { apiKey }),
  };
}

// Every variable endpointFromOptions reads, described (a new one will not compile without words).
const API_KEY_HELP: Record<(typeof API_KEY_VARIABLES)[number], string> = {
  TOOLPLAN_API_KEY: 'the API key sent to --base-url',
  OPENAI_API_KEY: 'the API key, when TOOLPLAN_API_KEY is not set',
};

/** The variables that hold the API key, one line each, for a command's help. */
export function describeApiKeyVariables(extra: Readonly<Record<string, string>> = {}): string {
  const described: Record<string, string> = { ...API_KEY_HELP, ...extra };
  const width = Math.max(...Object.keys(described).map((name) => name.length));
  return Object.entries(described)
    .map(([name, help]) => `  ${name.padEnd(width)}  ${help}`)
    .join('\n');
}
