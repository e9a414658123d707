import type { Tool } from 'toolplan/internal';

/** The same tools without their own policies: what an undefended strategy runs. */
export function stripPolicies(tools: readonly Tool[]): Tool[] {
  return tools.map((tool) => {
    const { policy: _policy, ...rest } = tool;
    return rest as Tool;
  });
}
