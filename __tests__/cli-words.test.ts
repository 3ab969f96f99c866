import { describe, expect, test } from '@jest/globals';
import { parseCliArgs } from '../src/commands/args.js';
import { parseCommandArgs } from '../src/commands/command-kit.js';
import { UsageError } from '../src/commands/parse-flags.js';

const COMMANDS = ['status', 'token', 'logout', 'init', 'doctor'];

/** The UsageError's message for a command line, or a failure when it parses. */
function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('mistyped words get the nearest one', () => {
  test.each([
    ['stauts', 'status'],
    ['tokne', 'token'],
    ['logut', 'logout'],
    ['docter', 'doctor'],
  ])('command %s → %s', (written, meant) => {
    expect(refusal(() => parseCliArgs([written], COMMANDS))).toBe(
      `unknown command '${written}'. Did you mean '${meant}'?`,
    );
  });

  test("a mistyped command is named before the flags it would take (status's --json)", () => {
    expect(refusal(() => parseCliArgs(['stauts', '--json'], COMMANDS))).toBe(
      "unknown command 'stauts'. Did you mean 'status'?",
    );
  });

  test('a command nothing like any is refused without a guess', () => {
    expect(refusal(() => parseCliArgs(['frobnicate'], COMMANDS))).toBe("unknown command 'frobnicate'");
  });

  test.each([
    [['--no-colour'], '--no-color'],
    [['--no-browsr'], '--no-browser'],
    [['--tokenfile', 'x'], '--token-file'],
    [['--Timeout', '5'], '--timeout'],
  ])('option %j → %s', (argv, meant) => {
    expect(refusal(() => parseCliArgs(argv, COMMANDS))).toBe(`unknown option '${argv[0]}'. Did you mean '${meant}'?`);
  });

  test("a command's own flags are the candidates", () => {
    expect(refusal(() => parseCommandArgs(['--jsn'], { json: true }))).toBe(
      "unknown option '--jsn'. Did you mean '--json'?",
    );
    expect(refusal(() => parseCommandArgs(['--frobnicate'], { json: true }))).toBe("unknown option '--frobnicate'");
  });
});

describe('a flag without its value says what the value is', () => {
  test.each([
    ['--timeout', '--timeout needs a value (seconds, e.g. --timeout 600)'],
    ['--port', '--port needs a value (a port number, e.g. --port 8888; 0 = any free port)'],
    ['--config', '--config needs a value (a config file, e.g. --config ./.spotifyrc)'],
    ['--token-file', '--token-file needs a value (a path, e.g. --token-file ~/.pytify)'],
  ])('%s', (flag, message) => {
    const text = refusal(() => parseCliArgs([flag]));
    expect(text).toBe(message);
    expect(text).not.toContain('argument missing');
  });

  test('a value given to a switch is refused in the same words', () => {
    expect(refusal(() => parseCliArgs(['--demo=yes']))).toBe('--demo takes no value; leave out "=…"');
  });
});
