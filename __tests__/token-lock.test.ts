import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { readFile, readdir, readlink, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { nodeFileIo } from '../src/core/private-file.js';
import { acquireLock, lockPathFor } from '../src/token/lock.js';
import { tempDir } from './helpers/token-fixture.js';

const lockIn = async () => join(await tempDir(), '.pytify.lock');
const holderFile = (pid: number, nonce = 'someone-else') => JSON.stringify({ pid, host: hostname(), nonce });
/** The pid of a process that has exited: nobody holds a lock under it. */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;
/** waitMs 0: only a lock judged stale on the first look can be had, so no timing is involved. */
const takeAtOnce = async (path: string, staleMs?: number) =>
  (await acquireLock(path, { waitMs: 0, staleMs })).release();

describe('lock file', () => {
  it('is exclusive, private, and released: a second taker waits, then times out as a temporary failure', async () => {
    const path = await lockIn();
    const held = await acquireLock(path);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await expect(acquireLock(path, { waitMs: 150, pollMs: 20 })).rejects.toMatchObject({
      code: 'TEMPORARY_FAILURE',
      reason: 'LOCK_TIMEOUT',
      message: expect.stringContaining(`pid ${process.pid}`),
    });
    await held.release();
    const next = await acquireLock(path, { waitMs: 150 });
    await next.release();
    expect(await readdir(join(path, '..'))).toEqual([]);
  });

  it('hands over to a waiter as soon as the holder releases', async () => {
    const path = await lockIn();
    const held = await acquireLock(path);
    const waiting = acquireLock(path, { pollMs: 10 });
    setTimeout(() => void held.release(), 50);
    await (await waiting).release();
  });

  it('takes over a lock whose process is gone', async () => {
    const path = await lockIn();
    await writeFile(path, holderFile(deadPid()));
    await takeAtOnce(path);
  });

  it('takes over a lock nobody has touched for staleMs, even if its pid is alive (a reused pid)', async () => {
    const path = await lockIn();
    await writeFile(path, holderFile(process.ppid));
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    await takeAtOnce(path, 30_000);
  });

  it('takes over a lock left under our own pid by a predecessor, but never our own live one', async () => {
    const path = await lockIn();
    await writeFile(path, holderFile(process.pid, 'a-dead-predecessor'));
    const held = await acquireLock(path, { waitMs: 0 });
    await expect(acquireLock(path, { waitMs: 100, pollMs: 20 })).rejects.toMatchObject({ reason: 'LOCK_TIMEOUT' });
    await held.release();
  });

  it('waits on a fresh lock it cannot read (being written), takes it over once old', async () => {
    const path = await lockIn();
    await writeFile(path, '');
    await expect(acquireLock(path, { waitMs: 100, pollMs: 20 })).rejects.toMatchObject({ reason: 'LOCK_TIMEOUT' });
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    await takeAtOnce(path);
  });

  it('keeps a live lock fresh while held (heartbeat) and does not delete a lock that is not its own', async () => {
    const path = await lockIn();
    const held = await acquireLock(path, { heartbeatMs: 20 });
    const old = new Date(Date.now() - 60_000);
    await utimes(path, old, old);
    const fresh = async () => Date.now() - (await stat(path)).mtimeMs < 5_000;
    for (let tries = 0; tries < 200 && !(await fresh()); tries++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await fresh()).toBe(true);
    await writeFile(path, holderFile(process.ppid)); // taken over meanwhile by another process
    await held.release();
    expect(await readFile(path, 'utf8')).toBe(holderFile(process.ppid));
  });

  it('is `.pytify.lock` next to the token file', () => {
    expect(lockPathFor(join('/home/ada', '.pytify'))).toBe(join('/home/ada', '.pytify.lock'));
  });

  it.each([
    ['a file', 'elsewhere'],
    ['nothing (dangling)', 'nowhere'],
  ])('refuses a symbolic link to %s at the lock path, without following or removing it', async (_name, target) => {
    const path = await lockIn();
    const dir = join(path, '..');
    const old = new Date(Date.now() - 60_000);
    const dead = holderFile(deadPid());
    await writeFile(join(dir, 'elsewhere'), dead);
    await utimes(join(dir, 'elsewhere'), old, old); // stale by its content and its age, if it were followed
    await symlink(join(dir, target), path);
    await expect(acquireLock(path, { waitMs: 0 })).rejects.toMatchObject({
      code: 'TOKEN_STORE_ERROR',
      message: expect.stringContaining('symbolic link'),
    });
    expect(await readlink(path)).toBe(join(dir, target));
    expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe(dead);
  });

  it('leaves no lock, empty or not, when creating it fails (a full disk)', async () => {
    const path = await lockIn();
    const full = Object.assign(new Error('injected'), { code: 'ENOSPC' });
    const io = {
      ...nodeFileIo,
      async writeNew(file: string, content: string) {
        await nodeFileIo.writeNew(file, content.slice(0, 1));
        throw full;
      },
    };
    await expect(acquireLock(path, { io })).rejects.toMatchObject({
      code: 'TOKEN_STORE_ERROR',
      message: expect.stringContaining('ENOSPC'),
    });
    expect(await readdir(join(path, '..'))).toEqual([]);
    await takeAtOnce(path); // nothing to wait for
  });

  it('is not flushed to disk (nobody needs it after a power cut), while the token file is', async () => {
    const path = await lockIn();
    const flushes: string[] = [];
    const io = {
      ...nodeFileIo,
      writeNew: (file: string, content: string, flush?: boolean) => (
        flushes.push(`write ${flush ?? true}`),
        nodeFileIo.writeNew(file, content, flush)
      ),
      link: (from: string, to: string, flush?: boolean) => (
        flushes.push(`link ${flush ?? true}`),
        nodeFileIo.link(from, to, flush)
      ),
    };
    const lock = await acquireLock(path, { io });
    expect(flushes).toEqual(['write false', 'link false']);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
  });

  it('fails with TOKEN_STORE_ERROR when the folder does not exist', async () => {
    await expect(acquireLock('/nonexistent-dir/.pytify.lock')).rejects.toMatchObject({ code: 'TOKEN_STORE_ERROR' });
  });
});
