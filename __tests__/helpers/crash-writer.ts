import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The size of each token the writer saves: big enough that a write takes more than one syscall. */
export const TOKEN_BYTES = 64 * 1024;

/**
 * Bundles a tiny program that saves, forever and as fast as it can, a token of 'A's then one of
 * 'B's with the real file token store, printing "saved" once after the first save completes.
 * Returns the bundled script's path.
 */
export async function buildCrashWriter(outDir: string): Promise<string> {
  const entry = join(outDir, 'crash-writer-entry.ts');
  const store = join(ROOT, 'src', 'token', 'token-store.ts');
  await writeFile(
    entry,
    `import { createFileTokenStore } from ${JSON.stringify(store)};
const store = createFileTokenStore(process.argv[2]);
const tokens = ['A'.repeat(${TOKEN_BYTES}), 'B'.repeat(${TOKEN_BYTES})];
for (let i = 0; ; i += 1) {
  await store.save(tokens[i % 2]);
  if (i === 0) process.stdout.write('saved\\n');
}
`,
  );
  const outfile = join(outDir, 'crash-writer.mjs');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
  });
  return outfile;
}

/** Starts the writer on `tokenFile`; `saved` resolves once its first save is complete. */
export function startCrashWriter(
  script: string,
  tokenFile: string,
): { child: ChildProcess; saved: Promise<void>; exited: Promise<NodeJS.Signals | number | null> } {
  const child = spawn(process.execPath, [script, tokenFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<NodeJS.Signals | number | null>((resolvePromise) =>
    child.once('exit', (code, signal) => resolvePromise(signal ?? code)),
  );
  const saved = new Promise<void>((resolvePromise, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('saved') && resolvePromise());
    child.once('exit', (code, signal) =>
      reject(new Error(`the writer exited (${signal ?? code}) before its first save: ${stderr}`)),
    );
  });
  saved.catch(() => undefined);
  return { child, saved, exited };
}
