import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { nodeFileIo, writeFileAtomic, type AtomicWriteIo } from '../src/core/private-file.js';

const made: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pytify-private-'));
  made.push(dir);
  return dir;
};
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const mode = async (path: string) => (await stat(path)).mode & 0o777;
const failure = (code: string) => Object.assign(new Error('injected'), { code });
const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'written',
    (error: NodeJS.ErrnoException) => error.code,
  );

describe('private file writes', () => {
  it.each([false, true])('make a 0600 file and leave no temporary file behind (createOnly %s)', async (createOnly) => {
    const dir = await tempDir();
    await writeFileAtomic(join(dir, 'file'), 'content', { createOnly });
    expect(await readFile(join(dir, 'file'), 'utf8')).toBe('content');
    expect(await mode(join(dir, 'file'))).toBe(0o600);
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('replace an existing file, making it 0600; createOnly leaves it untouched (EEXIST)', async () => {
    const dir = await tempDir();
    const path = join(dir, 'file');
    await writeFile(path, 'mine', { mode: 0o644 });
    expect(await codeOf(writeFileAtomic(path, 'new', { createOnly: true }))).toBe('EEXIST');
    expect({ content: await readFile(path, 'utf8'), mode: await mode(path) }).toEqual({ content: 'mine', mode: 0o644 });
    await writeFileAtomic(path, 'new');
    expect({ content: await readFile(path, 'utf8'), mode: await mode(path) }).toEqual({ content: 'new', mode: 0o600 });
    expect(await readdir(dir)).toEqual(['file']);
  });

  it.each([false, true])('never follow a symbolic link at the target (createOnly %s)', async (createOnly) => {
    const dir = await tempDir();
    const path = join(dir, 'file');
    await writeFile(join(dir, 'elsewhere'), 'other');
    await symlink(join(dir, 'elsewhere'), path);
    await symlink(join(dir, 'nowhere'), join(dir, 'dangling'));
    expect(await codeOf(writeFileAtomic(path, 'secret', { createOnly }))).toBe(
      createOnly ? 'EEXIST' : 'TOKEN_STORE_ERROR',
    );
    expect(await codeOf(writeFileAtomic(join(dir, 'dangling'), 'secret', { createOnly }))).toBe(
      createOnly ? 'EEXIST' : 'TOKEN_STORE_ERROR',
    );
    expect(await readFile(join(dir, 'elsewhere'), 'utf8')).toBe('other');
    expect(await readlink(path)).toBe(join(dir, 'elsewhere'));
    expect((await readdir(dir)).sort()).toEqual(['dangling', 'elsewhere', 'file']);
  });

  it.each([
    ['the disk fills while writing', false, { writeNew: 'ENOSPC' }],
    ['the rename fails', false, { rename: 'EIO' }],
    ['the disk fills while writing, create-only', true, { writeNew: 'ENOSPC' }],
    ['the link fails', true, { link: 'EIO' }],
  ])('leave the target as it was and no temporary file when %s', async (_name, createOnly, fail) => {
    const dir = await tempDir();
    const io: AtomicWriteIo = {
      async writeNew(path, content) {
        await nodeFileIo.writeNew(path, content.slice(0, 2)); // a partial write, then the failure
        if ('writeNew' in fail) throw failure(fail.writeNew);
      },
      rename: async (from, to) =>
        'rename' in fail ? Promise.reject(failure(fail.rename)) : nodeFileIo.rename(from, to),
      link: async (from, to) => ('link' in fail ? Promise.reject(failure(fail.link)) : nodeFileIo.link(from, to)),
    };
    if (!createOnly) await writeFile(join(dir, 'file'), 'old');
    expect(await codeOf(writeFileAtomic(join(dir, 'file'), 'new content', { createOnly, io }))).toBe(
      Object.values(fail)[0],
    );
    expect(await readdir(dir)).toEqual(createOnly ? [] : ['file']);
    if (!createOnly) expect(await readFile(join(dir, 'file'), 'utf8')).toBe('old');
  });

  it('create-only still works, still exclusive, where the filesystem has no hard links', async () => {
    const dir = await tempDir();
    const io: AtomicWriteIo = { ...nodeFileIo, link: () => Promise.reject(failure('EPERM')) };
    await writeFileAtomic(join(dir, 'file'), 'content', { createOnly: true, io });
    expect({ content: await readFile(join(dir, 'file'), 'utf8'), mode: await mode(join(dir, 'file')) }).toEqual({
      content: 'content',
      mode: 0o600,
    });
    expect(await codeOf(writeFileAtomic(join(dir, 'file'), 'again', { createOnly: true, io }))).toBe('EEXIST');
    expect(await readFile(join(dir, 'file'), 'utf8')).toBe('content');
    expect(await readdir(dir)).toEqual(['file']);
  });

  it('leave nothing behind when a real write fails (EFBIG: a file size limit of 0), the lock included', async () => {
    const dir = await tempDir();
    const entry = join(dir, 'entry.ts');
    const src = resolve(import.meta.dirname, '..', 'src');
    await writeFile(
      entry,
      `import { writeFileAtomic } from ${JSON.stringify(join(src, 'core', 'private-file.ts'))};
import { acquireLock } from ${JSON.stringify(join(src, 'token', 'lock.ts'))};
const at = (name: string) => process.argv[2] + '/' + name;
const code = (p: Promise<unknown>) => p.then(() => 'written', (e) => e.code);
process.stdout.write(JSON.stringify({
  replace: await code(writeFileAtomic(at('existing'), 'new content')),
  createOnly: await code(writeFileAtomic(at('new'), 'new content', { createOnly: true })),
  lock: await code(acquireLock(at('.pytify.lock'), { waitMs: 0 })),
}));
`,
    );
    const script = join(dir, 'writer.mjs');
    await build({
      entryPoints: [entry],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'silent',
    });
    const work = await mkdtemp(join(dir, 'work-'));
    await writeFile(join(work, 'existing'), 'old');
    // SIGXFSZ ignored, so a write past the limit fails with EFBIG instead of killing the process.
    const run = spawnSync('bash', ['-c', 'trap "" XFSZ; ulimit -f 0; exec "$0" "$@"', process.execPath, script, work], {
      encoding: 'utf8',
    });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual({ replace: 'EFBIG', createOnly: 'EFBIG', lock: 'TOKEN_STORE_ERROR' });
    expect(await readdir(work)).toEqual(['existing']);
    expect(await readFile(join(work, 'existing'), 'utf8')).toBe('old');
  });

  // A second copy of "open 0600, write, fsync, rename" is how a write without one of those steps comes back.
  it('are the only file writes in src/: no other module opens a file to write, chmods or fsyncs', async () => {
    const src = resolve(import.meta.dirname, '..', 'src');
    const files = (await readdir(src, { recursive: true })).filter((name) => /\.tsx?$/.test(name));
    const writes =
      /0o6\d\d|\.sync\(|,\s*['"](w|wx|a|ax)\+?['"]|\b(writeFile|appendFile|createWriteStream|chmod|fsync)(Sync)?\(/;
    const found: string[] = [];
    for (const name of files) {
      if (name === join('core', 'private-file.ts')) continue;
      for (const line of (await readFile(join(src, name), 'utf8')).split('\n'))
        if (writes.test(line)) found.push(`${name}: ${line.trim()}`);
    }
    expect(found).toEqual([]);
  });
});
