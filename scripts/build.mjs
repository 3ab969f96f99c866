// Bundles the CLI into dist/ so an install needs no runtime dependencies and start-up reads few
// files. Ink, React and the TUI sit in lazily imported chunks: --help, --version and the
// non-interactive paths never load them. A second entry, dist/index.js, is the library a player
// imports (`getAccessToken`); it shares chunks with the CLI and never loads the UI.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFile, readdir, rm, rmdir, chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

/**
 * yoga-layout's Emscripten loader fetch()es its own embedded `data:` URL whenever a global fetch
 * exists, as in Node 18+: that loads undici and costs about 17 ms of the first frame. Without
 * fetch it decodes the same bytes with atob. A module-level `fetch` shadows the global for that
 * file only (esbuild then drops the fetch branches); the build fails if yoga's file is not found,
 * so an upgrade that moves it cannot silently bring the cost back.
 */
const YOGA_WASM = /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    let patched = false;
    build.onLoad({ filter: YOGA_WASM }, async (args) => {
      patched = true;
      return { contents: `const fetch = undefined;\n${await readFile(args.path, 'utf8')}`, loader: 'js' };
    });
    build.onEnd((result) => {
      if (result.errors.length === 0 && !patched) throw new Error(`yoga-layout's wasm loader was not found (${YOGA_WASM}): check the yoga-without-fetch plugin`);
    });
  },
};

await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  // Ink's optional devtools integration and cosmiconfig's TypeScript loader are never used.
  external: ['react-devtools-core', 'typescript'],
  define: {
    'process.env.NODE_ENV': '"production"',
    PYTIFY_VERSION: JSON.stringify(pkg.version),
  },
  banner: {
    // Bundled CommonJS dependencies (signal-exit, cosmiconfig) call require().
    js: "import { createRequire as __pytifyCreateRequire } from 'node:module'; const require = __pytifyCreateRequire(import.meta.url);",
  },
  plugins: [yogaWithoutFetch],
  logLevel: 'warning',
});
// The bin entry needs the hashbang as its very first line.
const cliPath = new URL('../dist/cli.js', import.meta.url);
await writeFile(cliPath, `#!/usr/bin/env node\n${await readFile(cliPath, 'utf8')}`);
await chmod(cliPath, 0o755);

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
  for (const folder of folders.map((item) => path.join(item.parentPath ?? item.path, item.name)).sort().reverse()) {
    await rmdir(folder).catch(() => undefined);
  }
}
