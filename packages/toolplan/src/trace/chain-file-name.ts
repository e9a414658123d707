/** The suffix that marks a chain file in a folder of chains. */
export const CHAIN_FILE_SUFFIX = '.chain.json';

/** `<name>.chain.json`: one file per chain, named after it. */
export function chainFileName(name: string): string {
  return `${name}${CHAIN_FILE_SUFFIX}`;
}
