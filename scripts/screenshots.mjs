#!/usr/bin/env node
// `npm run screenshots`: regenerates the README's pictures in docs/images/ from the real program.
//
// - The TUI: the built dist/cli.cjs runs in a real terminal (tmux, a server of its own), the screen is
//   captured with its colours (capture-pane -e) and rendered to SVG by scripts/ansi-svg.mjs.
// - The browser: the real-browser test (__tests__/browser-login.test.ts) runs the login in
//   headless chromium and saves screenshots to artifacts/screenshots/; the ones the README shows
//   are copied from there.
//
// Needs tmux and Debian's chromium (apt-get install -y tmux chromium). Nothing is downloaded.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { screenToSvg } from './ansi-svg.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'images');
const CLI = join(ROOT, 'dist', 'cli.cjs');
const FAKE_BROWSER = join(ROOT, '__tests__', 'helpers', 'fake-browser.mjs');
// A fixed place, so the paths on screen (and the SVGs) stay the same from run to run.
const WORK = join(tmpdir(), 'pytify-auth-screens');
const COLUMNS = 100;
const ROWS = 34;
// A tmux server of our own (its socket inside WORK), never the user's sessions.
const SOCKET = join(WORK, 'tmux.sock');

const tmux = (...args) =>
  execFileSync('tmux', ['-S', SOCKET, '-f', '/dev/null', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const quote = (value) => `'${String(value).replace(/'/g, `'\\''`)}'`;
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status ?? result.signal})`);
}

/** `preferred` when it is free, so the redirect URI on screen is stable; else any free port. */
function portOr(preferred) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(0));
    server.listen({ host: '127.0.0.1', port: preferred, exclusive: true }, () => server.close(() => done(preferred)));
  });
}

/** The demo Spotify from the TypeScript source, bundled on the fly (esbuild is a dev dependency). */
async function loadFakeSpotify() {
  const file = join(WORK, 'fake-spotify.mjs');
  await build({
    entryPoints: [join(ROOT, 'src', 'demo', 'fake-spotify.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return import(pathToFileURL(file).href);
}

/**
 * Runs the CLI in a fresh tmux session (clean environment, colours on), plays `steps`, and
 * returns the screens captured along the way: {capture: name} steps, in order.
 */
async function session({ args, env = {}, cwd = WORK, steps }) {
  const name = `s${Math.random().toString(36).slice(2, 8)}`;
  const vars = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: WORK,
    TERM: 'xterm-256color',
    LANG: 'C.UTF-8',
    ...env,
  };
  const command = `cd ${quote(cwd)} && env -i ${Object.entries(vars)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(' ')} ${quote(process.execPath)} ${quote(CLI)} ${args.map(quote).join(' ')}; sleep 600`;
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(COLUMNS),
    '-y',
    String(ROWS),
    'bash',
    '--noprofile',
    '--norc',
    '-c',
    command,
  );
  const captured = {};
  try {
    for (const step of steps) {
      if (step.keys) tmux('send-keys', '-t', name, ...step.keys);
      if (step.waitFor) {
        const started = Date.now();
        while (!tmux('capture-pane', '-p', '-t', name).includes(step.waitFor)) {
          if (Date.now() - started > 20_000)
            throw new Error(`No "${step.waitFor}" on screen:\n${tmux('capture-pane', '-p', '-t', name)}`);
          await sleep(100);
        }
        await sleep(300); // let the frame settle (spinner, last lines)
      }
      if (step.capture) captured[step.capture] = tmux('capture-pane', '-p', '-e', '-t', name);
    }
  } finally {
    tmux('kill-session', '-t', name);
  }
  return captured;
}

async function writeSvg(file, screen, title) {
  await writeFile(join(OUT, file), screenToSvg(screen, { columns: COLUMNS, title }));
  console.log(`docs/images/${file}`);
}

async function terminalPictures() {
  const port = await portOr(43117);
  const tokenFile = join(WORK, '.pytify');
  const demo = ['--demo', '--port', String(port), '--token-file', tokenFile];

  const happy = await session({
    args: demo,
    env: { BROWSER: FAKE_BROWSER },
    steps: [
      { waitFor: 'Press Enter to authorize', capture: 'ready' },
      { keys: ['Enter'] },
      { waitFor: 'Authorized as', capture: 'authorized' },
    ],
  });
  await rm(tokenFile, { force: true });
  const waiting = await session({
    args: demo,
    env: { BROWSER: 'true' }, // "opens" nothing: the screen stays on waiting
    steps: [
      { waitFor: 'Press Enter to authorize' },
      { keys: ['Enter'] },
      { waitFor: 'left', capture: 'waiting' },
      { keys: ['Escape'] },
    ],
  });

  // A token endpoint that refuses the app: the local Spotify started here, with a fault queued.
  const { startFakeSpotify } = await loadFakeSpotify();
  // Not the demo's example-looking id, which outside the demo is warned about.
  const clientId = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
  const spotify = await startFakeSpotify({
    clients: [{ clientId, redirectUris: ['http://127.0.0.1/callback'] }],
    user: { displayName: 'Demo Listener', id: 'demo-listener' },
  });
  let failed;
  try {
    const config = {
      clientId,
      redirectUri: `http://127.0.0.1${port ? `:${port}` : ''}/callback`,
      authUrl: spotify.authUrl,
      tokenUrl: spotify.tokenUrl,
      apiUrl: spotify.apiUrl,
    };
    await writeFile(join(WORK, '.spotifyrc'), JSON.stringify(config, null, 2));
    spotify.failNextTokenRequests({
      kind: 'status',
      status: 400,
      body: '{"error":"invalid_client","error_description":"Invalid client"}',
    });
    failed = await session({
      args: [],
      env: { BROWSER: FAKE_BROWSER },
      steps: [
        { waitFor: 'Press Enter to authorize' },
        { keys: ['Enter'] },
        { waitFor: 'try again', capture: 'error' },
        { keys: ['Escape'] },
      ],
    });
  } finally {
    await spotify.close();
  }

  await writeSvg('tui-ready.svg', happy.ready, 'pytify-auth: ready to authorize');
  await writeSvg('tui-waiting.svg', waiting.waiting, 'pytify-auth: waiting for the browser');
  await writeSvg('tui-authorized.svg', happy.authorized, 'pytify-auth: authorized, token saved');
  await writeSvg('tui-error.svg', failed.error, 'pytify-auth: Spotify refused the app');
}

async function browserPictures() {
  run(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--disable-warning=ExperimentalWarning',
      'node_modules/jest/bin/jest.js',
      '__tests__/browser-login.test.ts',
    ],
    'The real-browser test',
  );
  const shots = join(ROOT, 'artifacts', 'screenshots');
  for (const [from, to] of [
    ['success-card.png', 'browser-success.png'],
    ['success-phone-dark.png', 'browser-success-phone-dark.png'],
    ['approve-card.png', 'browser-demo-approve.png'],
  ]) {
    await copyFile(join(shots, from), join(OUT, to));
    console.log(`docs/images/${to}`);
  }
}

await rm(WORK, { recursive: true, force: true });
await mkdir(WORK, { recursive: true });
await mkdir(OUT, { recursive: true });
run(process.execPath, ['scripts/build.mjs'], 'The build');
try {
  await terminalPictures();
} finally {
  try {
    tmux('kill-server');
  } catch {
    // no sessions left: the server is already gone
  }
}
await browserPictures();
await rm(WORK, { recursive: true, force: true });
