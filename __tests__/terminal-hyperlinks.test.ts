import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// supports-hyperlinks reads process.env and keeps a FORCE_COLOR it has seen once (the test setup
// sets FORCE_COLOR=0): each case asks a fresh process, given exactly the variables it describes.
const ROOT = resolve(import.meta.dirname, '..');
let dir: string;
let script: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pytify-hyperlinks-'));
  const entry = join(dir, 'entry.ts');
  await writeFile(
    entry,
    `import { supportsHyperlinks } from ${JSON.stringify(join(ROOT, 'src', 'tui', 'terminal.ts'))};
process.stdout.write(String(supportsHyperlinks({ isTTY: process.argv[2] === 'tty' })));
`,
  );
  script = join(dir, 'hyperlinks.mjs');
  await build({
    entryPoints: [entry],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function ask(env: Record<string, string>, tty = true, args: string[] = []): boolean {
  const result = spawnSync(process.execPath, [script, tty ? 'tty' : 'pipe', ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as boolean;
}

const GHOSTTY = { TERM: 'xterm-ghostty', TERM_PROGRAM: 'ghostty' };

describe('supportsHyperlinks', () => {
  it.each<[string, Record<string, string>, boolean, boolean]>([
    ['a terminal that shows them', GHOSTTY, true, true],
    ['a VTE terminal', { TERM: 'xterm-256color', VTE_VERSION: '7600' }, true, true],
    ['an unknown terminal', { TERM: 'xterm-256color' }, true, false],
    ['output that is not a terminal', GHOSTTY, false, false],
    ['CI', { ...GHOSTTY, CI: '1' }, true, false],
    ['CI in a terminal (ci-mode.ts took CI out for Ink)', { ...GHOSTTY, PYTIFY_NO_ANIMATION: '1' }, true, false],
    ['colours off (bin.ts turns NO_COLOR into FORCE_COLOR=0)', { ...GHOSTTY, FORCE_COLOR: '0' }, true, false],
    ['a dumb terminal', { ...GHOSTTY, TERM: 'dumb' }, true, false],
    ['FORCE_HYPERLINK=1', { TERM: 'xterm-256color', FORCE_HYPERLINK: '1' }, true, true],
    ['FORCE_HYPERLINK=0', { ...GHOSTTY, FORCE_HYPERLINK: '0' }, true, false],
  ])('%s', (_label, env, tty, expected) => {
    expect(ask(env, tty)).toBe(expected);
  });

  it('is off with --no-color', () => {
    expect(ask(GHOSTTY, true, ['--no-color'])).toBe(false);
  });
});
