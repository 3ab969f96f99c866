// Bundles the CLI into dist/ so an install needs no runtime dependencies and start-up reads few
// files. Ink, React and the TUI sit in lazily imported chunks: --help, --version and the
// non-interactive paths never load them.
import { build } from 'esbuild';
import { readFile, rm, chmod } from 'node:fs/promises';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts' },
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
  logLevel: 'warning',
});
// The bin entry needs the hashbang as its very first line.
const { writeFile } = await import('node:fs/promises');
const cliPath = new URL('../dist/cli.js', import.meta.url);
await writeFile(cliPath, `#!/usr/bin/env node\n${await readFile(cliPath, 'utf8')}`);
await chmod(cliPath, 0o755);
