import { afterAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tokenDirectoryWarning } from '../src/token/token-dir-check.js';

const made: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pytify-dir-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('tokenDirectoryWarning', () => {
  it.each([
    ['a private directory', 0o700, undefined],
    ['a group-writable directory', 0o770, 'its group'],
    ['a world-writable directory', 0o777, 'everyone'],
    ['a sticky world-writable directory like /tmp', 0o1777, undefined],
  ])('%s', async (_name, mode, expected) => {
    const dir = join(await tempDir(), 'tokens');
    await mkdir(dir);
    await chmod(dir, mode);
    const warning = await tokenDirectoryWarning(join(dir, '.pytify'));
    if (expected === undefined) expect(warning).toBeUndefined();
    else expect(warning).toContain(expected);
  });

  it('warns when another user owns the directory', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    expect(await tokenDirectoryWarning(join(dir, '.pytify'), 12345)).toContain('another user');
  });

  it('says nothing for a directory that does not exist yet', async () => {
    expect(await tokenDirectoryWarning('/nonexistent-dir/for/sure/.pytify')).toBeUndefined();
  });
});
