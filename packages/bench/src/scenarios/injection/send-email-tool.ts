import { z } from 'zod';
import type { Tool } from 'toolplan/internal';
import type { EffectLog } from './side-effect-log.js';
import type { suiteToolFactory } from './suite-tool-factory.js';
import { trustedArgumentsPolicy } from './trusted-arguments-policy.js';

/**
 * `send_email`, as the workspace and travel suites both offer it: a side effect logged in the
 * run's environment, whose author lets the body carry anything but the recipient only what the
 * user or a trusted tool chose.
 */
export function sendEmailTool(options: {
  tool: ReturnType<typeof suiteToolFactory>;
  environment: EffectLog;
}): Tool {
  const { tool, environment } = options;
  return tool({
    name: 'send_email',
    description: 'Send an e-mail from the user.',
    inputSchema: z.object({ to: z.string(), subject: z.string(), body: z.string() }),
    compute: (args) => {
      environment.effects.push({ tool: 'send_email', args });
      return { ok: true, message: `E-mail sent to ${args.to}.` };
    },
    annotations: { policy: trustedArgumentsPolicy(['to']) },
  });
}
