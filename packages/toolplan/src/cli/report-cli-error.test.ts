import { CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { PlanParseError } from '../plan/index.js';
import { reportCliError } from './report-cli-error.js';

function report(error: unknown, verbose = false) {
  const lines: string[] = [];
  const exitCode = reportCliError({ error, stderr: (text) => lines.push(text), verbose });
  return { exitCode, text: lines.join('\n') };
}

describe('reportCliError', () => {
  it('prints an expected error as one line, without its stack', () => {
    const { exitCode, text } = report(new PlanParseError({ message: 'No plan here.', text: '' }));
    expect(exitCode).toBe(2);
    expect(text).toBe('error: No plan here.');
  });

  it('counts an error of the system (a file, a port) as expected', () => {
    const error = Object.assign(new Error("EACCES: permission denied, open '/root/x.json'"), {
      code: 'EACCES',
      syscall: 'open',
    });
    expect(report(error)).toEqual({
      exitCode: 2,
      text: "error: EACCES: permission denied, open '/root/x.json'",
    });
  });

  it('adds the stack and every cause under --verbose', () => {
    const cause = new SyntaxError('Unexpected end of JSON input');
    const { exitCode, text } = report(
      new PlanParseError({ message: 'No plan here.', text: '', cause }),
      true,
    );
    expect(exitCode).toBe(2);
    const lines = text.split('\n');
    expect(lines[0]).toBe('error: No plan here.');
    expect(lines[1]).toBe('PlanParseError: No plan here.');
    expect(lines[2]).toMatch(/^ {4}at /);
    expect(text).toContain('caused by: SyntaxError: Unexpected end of JSON input');
  });

  it('prints an unexpected error whole, as a bug, with its own exit code', () => {
    const { exitCode, text } = report(
      new TypeError("Cannot read properties of undefined (reading 'x')"),
    );
    expect(exitCode).toBe(70);
    expect(text).toMatch(/^error: an unexpected error, which is a bug in toolplan/);
    expect(text).toContain("TypeError: Cannot read properties of undefined (reading 'x')\n    at ");
    expect(report('a thrown string').text).toContain('a thrown string');
  });

  it("adds nothing to commander's own message: a usage error is 2, help and version 0", () => {
    const usage = new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'");
    expect(report(usage)).toEqual({ exitCode: 2, text: '' });
    expect(report(new CommanderError(1, 'commander.help', '(outputHelp)')).exitCode).toBe(2);
    const help = new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)');
    expect(report(help)).toEqual({ exitCode: 0, text: '' });
  });

  it('stops following causes that go round in a circle', () => {
    const error = new PlanParseError({ message: 'loop', text: '' });
    Object.defineProperty(error, 'cause', { value: error });
    expect(report(error, true).text.split('caused by:').length).toBe(9);
  });
});
