import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The newest modification time of the files that go into the build. */
function newestInput(): { file: string; mtimeMs: number } {
  const inputs = [join(ROOT, 'package.json'), join(ROOT, 'scripts', 'build.mjs')];
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) inputs.push(join(entry.parentPath, entry.name));
  }
  return inputs
    .map((file) => ({ file, mtimeMs: statSync(file).mtimeMs }))
    .reduce((newest, next) => (next.mtimeMs > newest.mtimeMs ? next : newest));
}

/**
 * The e2e project's global setup: its tests run dist/, so a dist/ built before the last source
 * edit would test old code and pass or fail for the wrong reason. Refuse it before any test runs.
 */
export default function freshDist(): void {
  const cli = join(ROOT, 'dist', 'cli.cjs');
  let built: number;
  try {
    built = statSync(cli).mtimeMs;
  } catch {
    throw new Error(`dist/cli.cjs is missing: run npm run build (npm run test:e2e builds first)`);
  }
  const newest = newestInput();
  if (newest.mtimeMs > built) {
    throw new Error(
      `dist/ is older than src/: run npm run build (npm run test:e2e builds first); newer: ${newest.file.slice(ROOT.length + 1)}`,
    );
  }
}
