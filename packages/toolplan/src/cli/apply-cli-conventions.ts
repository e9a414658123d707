import { Help, type Command, type Option } from 'commander';

/**
 * The conventions of every `toolplan` command, applied to a command and all its subcommands
 * (commander copies settings only to subcommands made with `.command()`, not `.addCommand()`):
 * output through the injected io; usage errors thrown to the caller, who turns them into exit
 * code 2, instead of commander ending the process with 1; a suggestion for a misspelt command
 * or option and a pointer to `--help` after every usage error; and help that marks required
 * options and shows the global ones.
 */
export function applyCliConventions(
  command: Command,
  io: { stdout: (text: string) => void; stderr: (text: string) => void },
): void {
  // Commander ends what it writes with a newline; io writes whole lines.
  const line = (write: (text: string) => void) => (text: string) => write(text.replace(/\n$/, ''));
  command
    .exitOverride()
    .configureOutput({ writeOut: line(io.stdout), writeErr: line(io.stderr) })
    .showSuggestionAfterError()
    .showHelpAfterError(helpHint(command))
    .configureHelp({ showGlobalOptions: true, optionDescription: describeOption });
  for (const subcommand of command.commands) applyCliConventions(subcommand, io);
}

function helpHint(command: Command): string {
  const names: string[] = [];
  for (let each: Command | null = command; each !== null; each = each.parent)
    names.unshift(each.name());
  const what = command.commands.length > 0 ? 'the commands' : 'its options';
  return `Run \`${names.join(' ')} --help\` for ${what}.`;
}

/** Commander's description of an option, with `(required)` on those that must be given. */
function describeOption(this: Help, option: Option): string {
  const description = Help.prototype.optionDescription.call(this, option);
  return option.mandatory ? `${description} (required)` : description;
}
