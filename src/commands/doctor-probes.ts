import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { findPortHolder, type PortHolder } from '../listener/port-holder.js';

/** git, run without a shell. node:child_process loads here, not with every command in main.js. */
async function run(command: string, args: string[]): Promise<{ stdout: string }> {
  const { execFile } = await import('node:child_process');
  return promisify(execFile)(command, args);
}

/** What doctor asks the system; tests pass fixed answers so the report is the same everywhere. */
export interface DoctorProbes {
  /** Permission bits of a file, or undefined when it cannot be read. */
  fileMode(file: string): Promise<number | undefined>;
  /** The git work tree holding `file` and whether git ignores it; undefined outside one (or no git). */
  gitIgnore(file: string): Promise<{ workTree: string; ignored: boolean } | undefined>;
  /** Whether a listener could bind the redirect URI's address right now. */
  port(host: string, port: number): Promise<'free' | 'in-use' | 'denied'>;
  /** Which process holds a busy port, when the system tells (the login's lookup). */
  portHolder?(port: number): Promise<PortHolder | undefined>;
}

function nearestExisting(dir: string): string {
  let current = dir;
  while (!existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

export const systemProbes: DoctorProbes = {
  async fileMode(file) {
    return stat(file).then(
      (stats) => stats.mode & 0o777,
      () => undefined,
    );
  },

  async gitIgnore(file) {
    // git itself, not a .gitignore parser: it knows nested ignores, info/exclude and global excludes.
    const dir = nearestExisting(path.dirname(file));
    const top = await run('git', ['-C', dir, 'rev-parse', '--show-toplevel']).then(
      ({ stdout }) => stdout.trim(),
      () => undefined,
    );
    if (!top) return undefined;
    try {
      await run('git', ['-C', top, 'check-ignore', '-q', '--', file]);
      return { workTree: top, ignored: true };
    } catch (error) {
      // Exit 1 means "not ignored"; anything else (128: outside the repo, …) means we cannot tell.
      return (error as { code?: unknown }).code === 1 ? { workTree: top, ignored: false } : undefined;
    }
  },

  portHolder: findPortHolder,

  port(host, port) {
    return new Promise((resolve) => {
      const server = createServer();
      server.once('error', (error: NodeJS.ErrnoException) =>
        resolve(error.code === 'EADDRINUSE' ? 'in-use' : 'denied'),
      );
      server.listen({ host, port, exclusive: true }, () => server.close(() => resolve('free')));
    });
  },
};
