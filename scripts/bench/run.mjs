#!/usr/bin/env node
// `npm run bench` (after the build): every figure of issue #6 in one table, each next to the floor
// measured in the same run. Only loopback servers it starts itself; nothing from the network.
//
//   node scripts/bench/run.mjs [--quick] [--json <file>] [--app <dir>]
//
// --app <dir>: measure the dist/ and package.json in <dir> instead of this tree's (a build of
// another version, for before/after comparisons); the in-process figures always use src/.
//
// Start-up figures are wall-clock times of whole processes, from spawn() to exit, interleaved
// round by round (shuffled) with `node -e 0`. The first frame runs in a pseudo-terminal (util-linux
// `script`, or python3's pty) of 100x30 and is timed from spawn until the output shows the Enter
// prompt; its floor is `node -e 0` through the same wrapper, timed from spawn to exit.
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { install } from './install.mjs';
import { CLIENT_ID, median, percentile, ptyKind, summary, timedRun } from './lib.mjs';
import { benchCertificate, firstCallback } from './first-callback.mjs';
import { flowRss, tokenRss } from './memory.mjs';
import { firstFrame, prepareToken, startup } from './startup.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FAKE_BROWSER = join(ROOT, '__tests__', 'helpers', 'fake-browser.mjs');
const NODE = process.execPath;
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const jsonOut = option('--json');
const appDir = option('--app') ? resolve(option('--app')) : undefined;

const PLAN = {
  startupRounds: QUICK ? 10 : 40,
  warmupRounds: 3,
  frameRounds: QUICK ? 5 : 15,
  flowRuns: QUICK ? 1 : 3,
  tokenRssRuns: QUICK ? 3 : 10,
  logins: QUICK ? 50 : 300,
  junk: { count: QUICK ? 2000 : 10_000, concurrency: 50, seed: 20_240_601 },
  installRuns: QUICK ? 1 : 3,
  firstCallbackRuns: QUICK ? 2 : 5,
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

if (!existsSync(join(appDir ?? ROOT, 'dist', 'cli.cjs')))
  throw new Error('dist/cli.cjs is missing: run `npm run build` first (`npm run bench` does)');
const began = Date.now();
const WORK = await mkdtemp(join(os.tmpdir(), 'pytify-bench-'));
// What is measured and packed is a copy of the package as built, so a rebuild in the working tree
// during the run (tests, another terminal) cannot change or remove it half-way.
const APP = join(WORK, 'app');
for (const item of new Set(['package.json', 'dist', ...(pkg.files ?? [])])) {
  const from = appDir && (item === 'package.json' || item === 'dist') ? appDir : ROOT;
  if (existsSync(join(from, item))) await cp(join(from, item), join(APP, item), { recursive: true });
}
const CLI = join(APP, 'dist', 'cli.cjs');
const log = (line) => process.stderr.write(`bench: ${line}\n`);
const cleanEnv = (home, extra = {}) => ({
  PATH: `${dirname(NODE)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
  HOME: home,
  LANG: process.env.LANG ?? 'C.UTF-8',
  TERM: 'xterm-256color',
  ...extra,
});
/** What the measuring modules share. */
const ctx = {
  work: WORK,
  app: APP,
  cli: CLI,
  node: NODE,
  plan: PLAN,
  env: cleanEnv,
  version: pkg.version,
  fakeBrowser: FAKE_BROWSER,
};

/** The in-process scenarios and the local Spotify, bundled from src/ as the CLI is. */
async function bundleHelpers() {
  const outdir = join(WORK, 'bundle');
  await build({
    entryPoints: {
      inprocess: join(ROOT, 'scripts', 'bench', 'inprocess.ts'),
      spotify: join(ROOT, 'src', 'demo', 'fake-spotify.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['react-devtools-core', 'typescript'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: {
      js: "import { createRequire as __benchCreateRequire } from 'node:module'; const require = __benchCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  await writeFile(join(outdir, 'package.json'), '{"type":"module"}\n');
  return {
    inprocess: join(outdir, 'inprocess.js'),
    spotify: await import(pathToFileURL(join(outdir, 'spotify.js')).href),
  };
}

function inProcess(bundle, scenario, rest, extraEnv = {}) {
  return timedRun(NODE, [bundle, scenario, ...rest.map(String)], { cwd: WORK, env: cleanEnv(WORK, extraEnv) }).then(
    (result) => {
      if (result.code !== 0) throw new Error(`${scenario}: exit ${result.code}: ${result.stderr.slice(-1500)}`);
      return JSON.parse(result.stdout.trim().split('\n').pop());
    },
  );
}

// ---------------------------------------------------------------------------------------------

const fmt = (ms) =>
  ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
const mb = (value) => `${value.toFixed(1)} MB`;
const rows = [];
const row = (figure, value, spread, floor, ratio, target, met) =>
  rows.push({ figure, value, spread, floor, ratio, target, met });
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : '**NOT met**');

log(`working in ${WORK}`);
try {
  const { inprocess, spotify: spotifyModule } = await bundleHelpers();
  const spotify = await spotifyModule.startFakeSpotify({
    clients: [{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }],
    user: { displayName: 'Bench Listener', id: 'bench-listener' },
  });
  let token;
  try {
    token = await prepareToken(ctx, spotify);
  } finally {
    await spotify.close(); // from here on, `token` can only succeed from its cache
  }
  if (token.unavailable) log(`token: ${token.unavailable}`);

  log('start-up (spawn to exit, interleaved with node -e 0)…');
  const start = await startup(ctx, token);
  const floor = median(start.floor);
  row('`node -e 0` (floor)', fmt(floor), `p90 ${fmt(percentile(start.floor, 90))}`, '', '', '', '');
  // --version and --help are answered by the small bin alone; a cached `token` also reads the
  // config (js-yaml for a .spotifyrc) and the token files, and hashes the refresh token.
  for (const [key, label, limit] of [
    ['version', '`pytify-auth --version`', 1.5],
    ['help', '`pytify-auth --help`', 1.5],
    ['token', '`pytify-auth token` (cached access token; JSON .spotifyrc)', 2],
    ['tokenYaml', '`pytify-auth token` (cached access token; YAML .spotifyrc)', 2],
  ]) {
    if (!start[key]) {
      row(
        label,
        `n/a (${token.unavailable ?? 'token command not built'})`,
        '',
        fmt(floor),
        '',
        `≤ ${limit}× floor`,
        '',
      );
      continue;
    }
    const value = median(start[key]);
    row(
      label,
      fmt(value),
      `p90 ${fmt(percentile(start[key], 90))}`,
      fmt(floor),
      `${(value / floor).toFixed(2)}×`,
      `≤ ${limit}× floor`,
      verdict(value / floor <= limit),
    );
  }

  log(`first frame in a pseudo-terminal (${ptyKind()})…`);
  const frames = await firstFrame(ctx, {
    authUrl: 'http://127.0.0.1:9/authorize',
    tokenUrl: 'http://127.0.0.1:9/api/token',
    apiUrl: 'http://127.0.0.1:9/v1',
  });
  const ptyFloor = median(frames.ptyFloor);
  row(
    `\`node -e 0\` in the pty (\`${ptyKind()}\`) (floor)`,
    fmt(ptyFloor),
    `p90 ${fmt(percentile(frames.ptyFloor, 90))}`,
    '',
    '',
    '',
    '',
  );
  for (const [key, label] of [
    ['frame', 'First frame with the Enter prompt: `pytify-auth` (a .spotifyrc)'],
    ['frameDemo', 'First frame with the Enter prompt: `pytify-auth --demo`'],
  ]) {
    const value = median(frames[key]);
    row(
      label,
      fmt(value),
      `p90 ${fmt(percentile(frames[key], 90))}`,
      `${fmt(ptyFloor)} (pty)`,
      `${(value / ptyFloor).toFixed(2)}×`,
      '≤ 4× pty floor',
      verdict(value / ptyFloor <= 4),
    );
  }

  log('callback handling (in process)…');
  const callback = await inProcess(inprocess, 'callback', [PLAN.logins]);
  const handling = summary(callback.handling);
  row(
    `Callback handling, ${handling.n} logins (minus token endpoint and /me: median ${fmt(median(callback.endpoint))})`,
    fmt(handling.median),
    `p99 ${fmt(handling.p99)}, max ${fmt(handling.max)}`,
    '',
    '',
    'median < 5 ms, p99 < 20 ms',
    verdict(handling.median < 5 && handling.p99 < 20),
  );

  log('first callback of a fresh process, approved after 5.5 s (http and TLS)…');
  const certificate = await benchCertificate(join(WORK, 'tls'));
  const spotifyOptions = {
    clients: [{ clientId: CLIENT_ID, redirectUris: ['http://127.0.0.1/callback'] }],
    user: { displayName: 'Bench Listener', id: 'bench-listener' },
  };
  const plainSpotify = await spotifyModule.startFakeSpotify(spotifyOptions);
  const tlsSpotify = await spotifyModule.startFakeSpotify({ ...spotifyOptions, tls: certificate });
  let first;
  try {
    first = await firstCallback(
      ctx,
      { http: plainSpotify, tls: Object.assign(Object.create(tlsSpotify), { ca: certificate.cert }) },
      { NODE_EXTRA_CA_CERTS: certificate.certFile },
    );
  } finally {
    await Promise.all([plainSpotify.close(), tlsSpotify.close()]);
  }
  for (const [scheme, label] of [
    ['http', 'http'],
    ['tls', 'https (TLS)'],
  ]) {
    const app = median(first[scheme].app);
    const bare = median(first[scheme].bare);
    row(
      `First callback of a fresh process over ${label}, from the browser's side, approved 5.5 s after the URL (${first[scheme].app.length} runs)`,
      fmt(app),
      `range ${fmt(Math.min(...first[scheme].app))}–${fmt(Math.max(...first[scheme].app))}`,
      `${fmt(bare)} (bare node:http client: POST /api/token + GET /v1/me, new connections)`,
      `+${fmt(app - bare)}`,
      '≤ floor + 10 ms',
      verdict(app - bare <= 10),
    );
  }

  log('junk load on the waiting listener…');
  const junkArgs = [
    PLAN.junk.count,
    PLAN.junk.concurrency,
    PLAN.junk.seed,
    join(ROOT, 'scripts', 'bench', 'junk-client.mjs'),
  ];
  const junkFloor = await inProcess(inprocess, 'junk-floor', junkArgs);
  const junk = await inProcess(inprocess, 'junk', junkArgs);
  const listenerAlone = await inProcess(inprocess, 'junk', junkArgs, { BENCH_NO_TUI: '1' });
  const junkLatency = summary(junk.load.latencies);
  const floorLatency = summary(junkFloor.load.latencies);
  const aloneLatency = summary(listenerAlone.load.latencies);
  row(
    `Junk load: ${PLAN.junk.count} random requests, ${PLAN.junk.concurrency} at a time, on the waiting listener with the TUI drawing (${fmt(junk.load.wallMs)})`,
    `${junk.load.answered}/${PLAN.junk.count} answered`,
    `latency median ${fmt(junkLatency.median)}, p99 ${fmt(junkLatency.p99)}`,
    `p99 ${fmt(floorLatency.p99)} (bare node:http server; median ${fmt(floorLatency.median)})`,
    `${(junkLatency.p99 / floorLatency.p99).toFixed(2)}×`,
    'all answered, p99 < 20 ms',
    verdict(junk.load.unanswered === 0 && junkLatency.p99 < 20),
  );
  row(
    'Junk load: the listener alone (no TUI), for comparison',
    `${listenerAlone.load.answered}/${PLAN.junk.count} answered`,
    `latency median ${fmt(aloneLatency.median)}, p99 ${fmt(aloneLatency.p99)}`,
    `p99 ${fmt(floorLatency.p99)}`,
    `${(aloneLatency.p99 / floorLatency.p99).toFixed(2)}×`,
    '(information)',
    '',
  );
  row(
    'Junk load: the TUI keeps drawing (spinner every 100 ms)',
    `${junk.frames} frames in ${fmt(junk.loadMs)} (${(junk.frames / (junk.loadMs / 1000)).toFixed(1)}/s)`,
    `longest gap ${fmt(junk.maxFrameGapMs)}; event-loop delay p99 ${fmt(Math.max(0, junk.eventLoopDelayP99Ms - 10))}`,
    '',
    '',
    'no gap between frames > 250 ms',
    verdict(junk.maxFrameGapMs <= 250),
  );
  row(
    'Junk load: then the real callback',
    `page ${junk.realCallbackStatus}, ${junk.finalState}`,
    `state during load: ${junk.stateAfterLoad}`,
    '',
    '',
    'completes the login',
    verdict(junk.stateAfterLoad === 'waiting' && junk.realCallbackStatus === 200 && junk.finalState === 'authorized'),
  );

  log('peak RSS…');
  const flow = await flowRss(ctx);
  const flowPeak = Math.max(...flow.peaks);
  row(
    `Peak RSS, whole interactive flow (\`--demo\`, Enter, browser approves; ${flow.peaks.length} runs, ${fmt(median(flow.durations))} each)`,
    mb(flowPeak),
    `median ${mb(median(flow.peaks))}`,
    '',
    '',
    '< 90 MB',
    verdict(flowPeak < 90),
  );
  if (token.dir) {
    const rss = await tokenRss(ctx, token);
    const tokenPeak = Math.max(...rss.peaks);
    row(
      `Peak RSS, \`pytify-auth token\` (${rss.peaks.length} runs)`,
      mb(tokenPeak),
      `median ${mb(median(rss.peaks))}`,
      `${mb(median(rss.floor))} (node -e 0)`,
      '',
      '< 60 MB',
      verdict(tokenPeak < 60),
    );
  } else row('Peak RSS, `pytify-auth token`', `n/a (${token.unavailable})`, '', '', '', '< 60 MB', '');

  log('npm pack and npm install -g…');
  const packed = await install(ctx);
  row(
    `Package (npm pack): ${packed.files} files`,
    `${(packed.size / 1000).toFixed(0)} kB`,
    `unpacked ${(packed.unpackedSize / 1000).toFixed(0)} kB`,
    '',
    '',
    '< 400 kB, no runtime dependencies',
    verdict(packed.size < 400_000 && packed.runtimeDeps.length === 0),
  );
  row(
    'Runtime dependencies in the packed package.json',
    packed.runtimeDeps.length === 0 ? 'none' : packed.runtimeDeps.join(', '),
    '',
    '',
    '',
    'none',
    verdict(packed.runtimeDeps.length === 0),
  );
  row(
    `\`npm install -g\` of the tarball (offline, ${packed.times.length} runs)`,
    fmt(median(packed.times)),
    `range ${fmt(Math.min(...packed.times))}–${fmt(Math.max(...packed.times))}`,
    '',
    '',
    '< 3 s',
    verdict(median(packed.times) < 3000),
  );

  const cpu =
    /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const machine = `${os.availableParallelism?.() ?? os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Linux ${os.release()}, Node ${process.version}`;
  const header = ['Figure', 'Median', 'Spread', 'Floor (same run)', 'Ratio', 'Target', 'Result'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${[r.figure, r.value, r.spread, r.floor, r.ratio, r.target, r.met].join(' | ')} |`),
  ];
  const seconds = ((Date.now() - began) / 1000).toFixed(0);
  process.stdout.write(
    `\nMachine: ${machine}\n\n${lines.join('\n')}\n\nBench finished in ${seconds} s${QUICK ? ' (--quick: fewer runs)' : ''}.\n`,
  );
  const missed = rows.filter((r) => r.met === verdict(false)).length;
  if (jsonOut)
    await writeFile(
      jsonOut,
      JSON.stringify(
        {
          machine,
          rows,
          raw: {
            start,
            frames,
            callback,
            firstCallback: first,
            junk: { ...junk, load: { ...junk.load, latencies: junkLatency } },
            junkFloor: floorLatency,
            listenerAlone: aloneLatency,
            flow,
          },
        },
        null,
        2,
      ),
    );
  if (missed > 0) process.stdout.write(`${missed} target(s) not met.\n`);
  process.exitCode = missed > 0 ? 1 : 0;
} finally {
  await rm(WORK, { recursive: true, force: true });
}
