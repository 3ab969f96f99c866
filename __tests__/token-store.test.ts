import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeFileIo, type AtomicWriteIo } from '../src/core/private-file.js';
import { createFileTokenStore } from '../src/token/token-store.js';

const made: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pytify-store-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('file token store', () => {
  it('writes exactly the refresh token, mode 0600, and reads it back', async () => {
    const dir = await tempDir();
    const store = createFileTokenStore(join(dir, '.pytify'));
    expect(await store.read()).toBeUndefined();
    await store.save('refresh-123');
    expect(await readFile(join(dir, '.pytify'), 'utf8')).toBe('refresh-123');
    expect((await stat(join(dir, '.pytify'))).mode & 0o777).toBe(0o600);
    expect(await store.read()).toBe('refresh-123');
  });

  it('replaces an existing token and leaves no temporary files behind', async () => {
    const dir = await tempDir();
    const path = join(dir, '.pytify');
    await writeFile(path, 'old', { mode: 0o644 });
    await createFileTokenStore(path).save('new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['.pytify']);
  });

  it.each([
    ['the disk is full while writing', 'write'],
    ['the rename fails', 'rename'],
  ])('keeps the old token byte-identical when %s', async (_name, failing) => {
    const dir = await tempDir();
    const path = join(dir, '.pytify');
    await writeFile(path, 'good-token');
    const failure = Object.assign(new Error('injected'), { code: failing === 'write' ? 'ENOSPC' : 'EXDEV' });
    const io: AtomicWriteIo = {
      ...nodeFileIo,
      async writeNew(temporary, content) {
        await nodeFileIo.writeNew(temporary, content.slice(0, 3)); // a partial write, then the failure
        if (failing === 'write') throw failure;
      },
      async rename(from, to) {
        if (failing === 'rename') throw failure;
        await nodeFileIo.rename(from, to);
      },
    };
    await expect(createFileTokenStore(path, io).save('new-token')).rejects.toMatchObject({
      code: 'TOKEN_STORE_ERROR',
      message: expect.stringContaining(failing === 'write' ? 'ENOSPC' : 'EXDEV'),
    });
    expect(await readFile(path, 'utf8')).toBe('good-token');
    expect(await readdir(dir)).toEqual(['.pytify']);
  });

  it('refuses a symbolic link planted at the token path', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'elsewhere'), 'other');
    await symlink(join(dir, 'elsewhere'), join(dir, '.pytify'));
    const store = createFileTokenStore(join(dir, '.pytify'));
    await expect(store.save('secret')).rejects.toMatchObject({ code: 'TOKEN_STORE_ERROR' });
    expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe('other');
  });

  it('does not put the token in its error messages', async () => {
    const dir = await tempDir();
    const store = createFileTokenStore(join(dir, 'no-such-dir', '.pytify'));
    const error = await store.save('super-secret-token').catch((e: Error) => e);
    expect(String((error as Error).message)).not.toContain('super-secret-token');
  });
});
