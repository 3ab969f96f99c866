import { afterEach, describe, expect, it } from '@jest/globals';
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { doctor, type DoctorOptions } from '../src/commands/doctor.js';
import { wantsColour, type Presentation } from '../src/core/present.js';
import { hang } from '../src/core/wrap.js';
import { createProject, type Project } from './fixtures/config/project.js';
import { CALM_PROBES as calm } from './helpers/calm-probes.js';

let project: Project | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function report(files: Record<string, string | object>, how: Presentation, extra: Partial<DoctorOptions> = {}) {
  await project?.cleanup();
  project = await createProject(files);
  return doctor({
    cwd: project.root,
    env: {},
    flags: {},
    probes: calm,
    stopDir: project.root,
    homeDir: project.root,
    output: { stdout: how, stderr: how },
    ...extra,
  });
}

/** The lines of one item of the report: its first line (starting with `sign`) and those under it. */
function item(text: string, sign: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.trimStart().startsWith(sign));
  expect(start).toBeGreaterThanOrEqual(0);
  const column = lines[start]!.indexOf(sign) + 2;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith(' '.repeat(column)) || line.trim() === '');
  return [lines[start]!, ...rest.slice(0, end === -1 ? rest.length : end)];
}

describe('doctor on a terminal', () => {
  it.each([100, 60])('at %i columns, the ✖ client-id problem wraps under its text', async (width) => {
    const result = await report({ '.spotifyrc': { scopes: 'user-read-private' } }, { width });
    const lines = result.stdout.split('\n');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    const problem = item(result.stdout, '✖');
    expect(problem.length).toBeGreaterThan(1);
    expect(problem[0]).toMatch(/^ {2}✖ No client id is configured/);
    // Every following line starts in column 4, under "No", not under the sign or at column 1.
    for (const line of problem.slice(1)) expect(line).toMatch(/^ {4}\S/);
    expect(problem.map((line) => line.trim()).join(' ')).toContain(
      'run pytify-auth (or pytify-auth init) to set one up',
    );
  });

  it('at 60 columns, warnings are spaced evenly: one after another, each wrapped under its text', async () => {
    const result = await report({ '.spotifyrc': { clientId: 'my-app', scops: 'x', tokn_file: 'y' } }, { width: 60 });
    const section = result.stdout.slice(result.stdout.indexOf('Warnings'), result.stdout.indexOf('\nChecks'));
    const lines = section.trimEnd().split('\n').slice(1);
    expect(lines.filter((line) => line.startsWith('  ⚠ '))).toHaveLength(3);
    // No blank line inside the list, and nothing but a sign or the 4-column indent starts a line.
    for (const line of lines) expect(line).toMatch(/^ {2}⚠ \S|^ {4}\S/);
  });

  it('without a width (a pipe), every item stays on one line, as before', async () => {
    const result = await report({ '.spotifyrc': { scopes: 'user-read-private' } }, {});
    expect(item(result.stdout, '✖')).toHaveLength(1);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours the signs as the login does, and nothing when colour is off', async () => {
    const busy = { probes: { ...calm, port: async () => 'in-use' as const } };
    const coloured = await report({ '.spotifyrc': { clientId: 'my-app' } }, { width: 100, colour: true }, busy);
    const colouredRoot = project!.root;
    expect(coloured.stdout).toContain('\u001b[33m⚠\u001b[39m');
    expect(coloured.stdout).toContain('\u001b[31m\u001b[1m✖');
    expect(coloured.stdout).toContain('\u001b[32m✔\u001b[39m');
    expect(coloured.stdout).toContain('\u001b[1mChecks\u001b[22m');
    const plain = await report({ '.spotifyrc': { clientId: 'my-app' } }, { width: 100, colour: false }, busy);
    const plainRoot = project!.root;
    expect(plain.stdout).not.toContain('\u001b[');
    // The same text and line breaks (the temporary directories have names of the same length).
    expect(stripVTControlCharacters(coloured.stdout).replaceAll(colouredRoot, '/p')).toBe(
      plain.stdout.replaceAll(plainRoot, '/p'),
    );
  });

  it('names the process that holds a busy port, as the login does', async () => {
    const result = await report(
      { '.spotifyrc': { clientId: '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0' } },
      {},
      {
        probes: { ...calm, port: async () => 'in-use', portHolder: async () => ({ pid: 4242, command: 'nc' }) },
      },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✖ Port 3000 on 127.0.0.1 is in use by nc (pid 4242):');
  });
});

describe('hang and wantsColour', () => {
  it('indents each following line to the width of the lead, colour codes not counted', () => {
    expect(hang('  ⚠ ', 'one two three four five six seven eight nine ten', 24)).toBe(
      '  ⚠ one two three four\n    five six seven eight\n    nine ten',
    );
    expect(hang('\u001b[32m✔\u001b[39m ', 'aaaa bbbb cccc dddd eeee ffff', 20)).toBe(
      '\u001b[32m✔\u001b[39m aaaa bbbb cccc dddd\n  eeee ffff',
    );
    const url = `https://example.com/${'x'.repeat(60)}`;
    expect(hang('  ', `open ${url} now`, 40)).toBe(`  open\n  ${url}\n  now`);
    expect(hang('  ', 'no width, no wrap', undefined)).toBe('  no width, no wrap');
  });

  it('colour only on a terminal, and never with NO_COLOR or --no-color', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: true }, {}, true)).toBe(false);
    expect(wantsColour({ isTTY: true }, { FORCE_COLOR: '0' })).toBe(false);
  });
});
