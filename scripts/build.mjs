// Bundles the CLI into dist/ so an install needs no runtime dependencies and start-up reads few
// files. The bin, dist/cli.cjs, is one small CommonJS file that answers --version, --help and a
// cached `token` alone; it imports dist/main.js for everything else. There Ink, React and the TUI
// sit in lazily imported chunks: the non-interactive paths never load them. dist/index.js is the
// library a player imports (`getAccessToken`), re-exported from main.js; it never loads the UI.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile, readdir, rm, rmdir, chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    PYTIFY_VERSION: JSON.stringify(pkg.version),
  },
  logLevel: 'warning',
};

/**
 * The program and the library in one ES module, dist/main.js, with the UI and the big libraries in
 * lazily imported chunks. As two entries they shared everything from the token service down, and
 * esbuild puts what two entries share in chunk files of their own: the login's first frame read
 * 11 files instead of 9 (measured: 4 ms of about 150). dist/index.js, the file package.json
 * exports, only re-exports the library's names from it, so a player loads main.js too: our CLI
 * code in it is parsed, not run (main() runs only when the bin calls it).
 */
const packageEntry = {
  name: 'package-entry',
  setup(build) {
    build.onResolve({ filter: /^package-entry$/ }, () => ({ path: 'package-entry', namespace: 'package-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'package-entry' }, () => ({
      contents: "export { main } from './src/main.ts';\nexport * from './src/index.ts';\n",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    }));
  },
};
const program = await build({
  ...common,
  entryPoints: { main: 'package-entry' },
  plugins: [packageEntry],
  metafile: true,
  outdir: 'dist',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunks/[name]-[hash]',
  // Ink's optional devtools integration and cosmiconfig's TypeScript loader are never used.
  external: ['react-devtools-core', 'typescript'],
  banner: {
    // Bundled CommonJS dependencies (signal-exit, cosmiconfig) call require().
    js: "import { createRequire as __pytifyCreateRequire } from 'node:module'; const require = __pytifyCreateRequire(import.meta.url);",
  },
});
const library = program.metafile.outputs['dist/main.js'].exports.filter((name) => name !== 'main');
await writeFile(new URL('../dist/index.js', import.meta.url), `export { ${library.join(', ')} } from './main.js';\n`);

/**
 * The bin, dist/cli.cjs: one CommonJS file for the paths that must start fast (see src/bin.ts).
 * main.js stays a real import() of the ES module next to it. cosmiconfig is only needed for
 * JavaScript config files (its loader imports them): here it is a stub that fails, which makes the
 * cached `token` path hand over to main.js, where the real one is.
 */
const cliEntry = {
  name: 'cli-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\/main\.js$/ }, () => ({ path: './main.js', external: true }));
    build.onResolve({ filter: /^cosmiconfig$/ }, () => ({ path: 'cosmiconfig', namespace: 'cli-entry' }));
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'cli-entry' }));
    build.onResolve({ filter: /^\.\/yaml\.cjs$/ }, () => ({ path: './yaml.cjs', external: true }));
    build.onLoad({ filter: /^cosmiconfig$/, namespace: 'cli-entry' }, () => ({
      contents: "throw new Error('cosmiconfig is loaded by main.js only');",
      loader: 'js',
    }));
    // js-yaml is two thirds of this file's size, and only YAML configs need it: a file of its own.
    build.onLoad({ filter: /^js-yaml$/, namespace: 'cli-entry' }, () => ({
      contents: "module.exports = require('./yaml.cjs');",
      loader: 'js',
    }));
  },
};
const entry = await build({
  ...common,
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  plugins: [cliEntry],
  metafile: true,
});
await chmod(new URL('../dist/cli.cjs', import.meta.url), 0o755);
await build({ ...common, entryPoints: ['js-yaml'], outfile: 'dist/yaml.cjs', format: 'cjs' });
// The point of this file is to stay small: Ink, React, got or the like in it is a mistake.
const heavy = Object.keys(entry.metafile.inputs).filter((input) => input.includes('node_modules'));
if (heavy.length > 0) throw new Error(`dist/cli.cjs must bundle no dependency; it has ${heavy.join(', ')}`);

// Types for the library: tsc declares what src/index.ts reaches (into dist/types/), and
// dist/index.d.ts, which package.json names, re-exports only the public surface.
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const root = new URL('..', import.meta.url);
const declared = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (declared.status !== 0) throw new Error('tsc could not emit the library declarations');
await writeFile(new URL('../dist/index.d.ts', import.meta.url), "export * from './types/index.js';\n");
await pruneDeclarations(new URL('../dist/types/', import.meta.url), 'index.d.ts');

/** tsc declares every module the entry reaches; keep only those the public declarations import. */
async function pruneDeclarations(dir, entry) {
  const keep = new Set();
  const visit = async (file) => {
    if (keep.has(file)) return;
    keep.add(file);
    const text = await readFile(new URL(file, dir), 'utf8');
    for (const [, spec] of text.matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)) {
      await visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), `${spec}.d.ts`)));
    }
  };
  await visit(entry);
  for (const file of await readdir(dir, { recursive: true })) {
    if (file.endsWith('.d.ts') && !keep.has(file.split(path.sep).join('/'))) await rm(new URL(file, dir));
  }
  // Then the folders left empty, deepest first (rmdir refuses a folder that still has files).
  const folders = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((item) => item.isDirectory());
  for (const folder of folders
    .map((item) => path.join(item.parentPath ?? item.path, item.name))
    .sort()
    .reverse()) {
    await rmdir(folder).catch(() => undefined);
  }
}
