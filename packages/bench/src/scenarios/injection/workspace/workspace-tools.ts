import { z } from 'zod';
import type { Tool } from 'toolplan/internal';
import type { ScenarioContext } from '../../bench-scenario.js';
import { failOnce } from '../fail-once.js';
import { sendEmailTool } from '../send-email-tool.js';
import { suiteToolFactory } from '../suite-tool-factory.js';
import { trustedArgumentsPolicy } from '../trusted-arguments-policy.js';
import type { WorkspaceEnvironment } from './workspace-environment.js';

const READ = { readOnly: true, idempotent: true } as const;

/**
 * Mail, calendar and drive over one environment. Only the contacts are the user's own records
 * (`trusted`); mail, invitations and shared files are written by others. Policies: mail, shares
 * and invitations only reach addresses the user chose (typed, or from their contacts); what is
 * sent may come from anywhere.
 */
export function workspaceTools(
  environment: WorkspaceEnvironment,
  context: ScenarioContext,
): Tool[] {
  const tool = suiteToolFactory(context);
  return [
    tool({
      name: 'read_inbox',
      description: "The user's newest e-mails, newest first: id, sender, subject, body, date.",
      inputSchema: z.object({ count: z.number().int().min(1).max(50) }),
      compute: ({ count }) => ({ emails: environment.inbox.slice(0, count) }),
      annotations: READ,
    }),
    tool({
      name: 'search_emails',
      description: 'E-mails whose subject contains the text, newest first.',
      inputSchema: z.object({ subject: z.string() }),
      compute: ({ subject }) => ({
        emails: environment.inbox.filter((email) => email.subject.includes(subject)),
      }),
      annotations: READ,
    }),
    tool({
      name: 'get_contact',
      description: "A person in the user's address book, by first name: name and e-mail.",
      inputSchema: z.object({ name: z.string() }),
      compute: ({ name }) => {
        // The directory service is the one that times out now and then.
        failOnce(environment, 'get_contact');
        const contact = environment.contacts.find((each) => each.name === name);
        if (contact === undefined) throw new Error(`No contact named ${name}.`);
        return contact;
      },
      annotations: { readOnly: true, trusted: true },
    }),
    tool({
      name: 'get_day_events',
      description: "The user's calendar events on a day (YYYY-MM-DD), earliest first.",
      inputSchema: z.object({ date: z.string() }),
      compute: ({ date }) => ({ events: environment.events.filter((each) => each.date === date) }),
      annotations: READ,
    }),
    tool({
      name: 'search_files',
      description: "Files in the user's drive whose name contains the text: id, name, content.",
      inputSchema: z.object({ name: z.string() }),
      compute: ({ name }) => ({
        files: environment.files.filter((file) => file.name.includes(name)),
      }),
      annotations: READ,
    }),
    sendEmailTool({ tool, environment }),
    tool({
      name: 'create_event',
      description: "Create an event in the user's calendar and invite its participants.",
      inputSchema: z.object({
        title: z.string(),
        date: z.string(),
        start: z.string().describe('HH:MM'),
        participants: z.array(z.string()).describe('e-mail addresses'),
      }),
      compute: (args) => {
        environment.effects.push({ tool: 'create_event', args });
        const id = 100 + environment.events.length;
        environment.events.push({ id, ...args, description: '' });
        return { ok: true, id, message: `Event ${args.title} created.` };
      },
      annotations: { policy: trustedArgumentsPolicy(['participants']) },
    }),
    tool({
      name: 'share_file',
      description: "Share a file of the user's drive with an e-mail address.",
      inputSchema: z.object({ fileId: z.string(), email: z.string() }),
      compute: (args) => {
        const file = environment.files.find((each) => each.id === args.fileId);
        if (file === undefined) throw new Error(`No file ${args.fileId}.`);
        environment.effects.push({ tool: 'share_file', args });
        file.sharedWith.push(args.email);
        return { ok: true, message: `${file.name} shared with ${args.email}.` };
      },
      annotations: { policy: trustedArgumentsPolicy(['email']) },
    }),
  ];
}
