import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileTokenStore } from '../src/token/token-store.js';
import { PytifyError } from '../src/core/errors.js';
import { withNotes } from './helpers/failure-notes.js';
import { buildCrashWriter, startCrashWriter, TOKEN_BYTES } from './helpers/crash-writer.js';

// The refresh token is the one thing pytify-auth keeps. A kill -9 (OOM killer, closed laptop lid,
// power button) at any moment of a save must leave the old token or the new one, whole.

const KILLS = 30;

let work: string;
let writer: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'pytify-crash-'));
  writer = await buildCrashWriter(work);
});
afterAll(() => rm(work, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the token file holds: absent, or which letter it is made of and whether it is whole. */
async function inspect(path: string): Promise<string> {
  const content = await readFile(path, 'latin1').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (content === undefined) return 'absent';
  if (content.length === TOKEN_BYTES && /^(A+|B+)$/.test(content)) return `whole ${content[0]}`;
  const letters = [...new Set(content)].map((char) => JSON.stringify(char)).join(',');
  return `BROKEN: ${content.length} bytes of ${letters || 'nothing'}`;
}

describe('the token file under kill -9', () => {
  it(
    `is always a whole token after ${KILLS} SIGKILLs in the middle of saving`,
    withNotes(async (note) => {
      const dir = await mkdtemp(join(work, 'kills-'));
      const tokenFile = join(dir, '.pytify');
      const seen: string[] = [];
      let everSaved = false;
      for (let round = 0; round < KILLS; round += 1) {
        const run = startCrashWriter(writer, tokenFile);
        // Most rounds kill a writer that is already looping; every fifth may still be starting up.
        if (round % 5 !== 0) {
          await run.saved;
          everSaved = true;
        }
        await sleep(20 + Math.floor(Math.random() * 180));
        run.child.kill('SIGKILL');
        expect(await run.exited).toBe('SIGKILL');
        const found = await inspect(tokenFile);
        seen.push(found);
        if (everSaved) expect({ round, found }).toEqual({ round, found: expect.stringMatching(/^whole [AB]$/) });
        else expect({ round, found }).toEqual({ round, found: expect.stringMatching(/^(absent|whole [AB])$/) });
      }
      // writeFileAtomic names them `.<basename>.<pid>.<random>.tmp`: here `..pytify.1234.9f3a….tmp`.
      const strays = (await readdir(dir)).filter((name) => /^\.\.pytify\.\d+\.[0-9a-f]+\.tmp$/.test(name));
      note(
        `token-file-crash: ${strays.length} stray temporary file(s) left by ${KILLS} kills; outcomes ${JSON.stringify(countBy(seen))}`,
      );
      expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
      // Both letters seen: the kills really landed at different points of the loop.
      expect(new Set(seen.filter((found) => found.startsWith('whole'))).size).toBe(2);

      // Each killed save may leave at most its own temporary file; they must be private too.
      expect(strays.length).toBeLessThanOrEqual(KILLS);
      for (const stray of strays) expect((await stat(join(dir, stray))).mode & 0o077).toBe(0);
      // A later save still works, replacing the token whole.
      await createFileTokenStore(tokenFile).save('after-the-crashes');
      expect(await readFile(tokenFile, 'utf8')).toBe('after-the-crashes');
      // ...and clears what the killed writers left behind: their pids are gone.
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    }),
    60_000,
  );

  it('reports TOKEN_STORE_ERROR (ENOTDIR) and changes nothing when the token directory is a file', async () => {
    const dir = await mkdtemp(join(work, 'notdir-'));
    const blocker = join(dir, 'config');
    await writeFile(blocker, 'a file where a directory should be\n', { mode: 0o644 });
    const before = {
      listing: await readdir(dir),
      content: await readFile(blocker, 'utf8'),
      mode: (await stat(blocker)).mode,
    };
    const store = createFileTokenStore(join(blocker, '.pytify'));

    const failure = await store.save('a-new-token').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(PytifyError);
    expect(failure).toMatchObject({ code: 'TOKEN_STORE_ERROR', message: expect.stringContaining('ENOTDIR') });
    expect((failure as Error).message).not.toContain('a-new-token');
    expect({
      listing: await readdir(dir),
      content: await readFile(blocker, 'utf8'),
      mode: (await stat(blocker)).mode,
    }).toEqual(before);
    // Reading is no crash either: there is simply no token there, or a typed error.
    const read = await store.read().then(
      (token) => ({ token }),
      (error: unknown) => ({ code: (error as { code?: string }).code }),
    );
    expect([{ token: undefined }, { code: 'TOKEN_STORE_ERROR' }, { code: 'ENOTDIR' }]).toContainEqual(read);
  });
});

function countBy(items: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[item] = (counts[item] ?? 0) + 1;
  return counts;
}
