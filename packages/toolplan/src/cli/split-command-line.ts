import { CliUsageError } from './cli-usage-error.js';

/**
 * Splits a command line into words as a POSIX shell would, without running one: words end at
 * unquoted whitespace; `'…'` keeps everything inside as it is; `"…"` too, except that a
 * backslash before `"`, `\`, `$` or `` ` `` stands for that character; an unquoted backslash
 * keeps the next character as it is. Nothing is expanded (`$HOME`, `*`, `~` stay as written)
 * and nothing else is special. An unterminated quote or a trailing backslash is a
 * {@link CliUsageError}.
 */
export function splitCommandLine(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index] as string;
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else word += char;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && '"\\$`'.includes(line[index + 1] ?? '')) {
        word += line[index + 1];
        index += 1;
      } else word += char;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      inWord = true;
      if (char === "'" || char === '"') quote = char;
      else if (char === '\\') {
        if (index + 1 === line.length) {
          throw new CliUsageError({
            message: `The command \`${line}\` ends with a backslash that escapes nothing.`,
          });
        }
        word += line[index + 1];
        index += 1;
      } else word += char;
    }
  }
  if (quote !== undefined) {
    throw new CliUsageError({
      message: `The command \`${line}\` has an unterminated ${quote} quote.`,
    });
  }
  if (inWord) words.push(word);
  return words;
}
