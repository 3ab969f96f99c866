import { afterEach, describe, expect, it } from '@jest/globals';
import { plainGuide } from '../src/setup/guide.js';
import { prepareSetup } from '../src/setup/prepare.js';
import { createProject, type Project } from './fixtures/config/project.js';

// `pytify-auth init` without a terminal on stdin, its guide on a 60-column terminal (stderr).
let project: Project | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

async function guide(width?: number) {
  project = await createProject({});
  const plan = await prepareSetup({
    cwd: project.root,
    env: {},
    flags: {},
    stopDir: project.root,
    homeDir: project.root,
  });
  return (await plainGuide(plan, undefined, width)).stderr;
}

describe('the plain setup guide at the width of its terminal', () => {
  it('at 60 columns: no line wider, the steps wrapped under their text, every word kept', async () => {
    const narrow = (await guide(60)).split('\n');
    for (const line of narrow) expect(line.length).toBeLessThanOrEqual(60);
    // A step's own lines continue in column 6, under its text, not under the number.
    const step = narrow.findIndex((line) => line.startsWith('  2. '));
    expect(narrow[step + 1]).toMatch(/^ {5}\S/);
    const wide = await guide();
    expect(narrow.join(' ').split(/\s+/).join(' ')).toBe(wide.split(/\s+/).join(' '));
  });

  it('without a width, or 80 columns and more, the guide is as it was', async () => {
    const plain = await guide();
    expect(await guide(120)).toBe(plain);
    expect(plain).toContain('(32 characters,\n0-9 and a-f)');
  });
});
