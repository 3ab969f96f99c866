// Peak RSS figures of `npm run bench`: the whole interactive flow, and `token`.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROMPT, gnuTime, runInPty, shellQuote, sleep, timedRun } from './lib.mjs';

/**
 * A shell command running `argv` that leaves its peak RSS (kB) in `file` as "maxrss=N": GNU time
 * when the machine has it, else the process reads its own high-water mark (VmHWM) as it exits.
 */
function rssWrapper(argv, file) {
  if (gnuTime()) return `/usr/bin/time -f 'maxrss=%M' -o ${shellQuote(file)} ${argv.map(shellQuote).join(' ')}`;
  const hook = `import{readFileSync as r,writeFileSync as w}from'node:fs';process.on('exit',()=>w(${JSON.stringify(file)},'maxrss='+/VmHWM:\\s*(\\d+)/.exec(r('/proc/self/status','utf8'))[1]))`;
  return [argv[0], '--import', `data:text/javascript,${encodeURIComponent(hook)}`, ...argv.slice(1)]
    .map(shellQuote)
    .join(' ');
}
const readRss = async (file) => Number(/maxrss=(\d+)/.exec(await readFile(file, 'utf8'))?.[1]) / 1024;

/** The whole interactive flow in a pseudo-terminal: --demo, Enter, the fake browser approves. */
export async function flowRss(ctx) {
  const peaks = [];
  const durations = [];
  for (let run = 0; run < ctx.plan.flowRuns; run += 1) {
    const dir = join(ctx.work, `flow-${run}`);
    await mkdir(dir, { recursive: true });
    const rssFile = join(dir, 'rss');
    const browserLog = join(dir, 'browser.log');
    const command = rssWrapper([ctx.node, ctx.cli, '--demo', '--token-file', join(dir, '.pytify')], rssFile);
    const result = await runInPty(command, {
      cwd: dir,
      env: ctx.env(dir, { BROWSER: ctx.fakeBrowser, FAKE_BROWSER_LOG: browserLog }),
      text: PROMPT,
      onText: (child) => child.stdin.write('\r'),
      timeoutMs: 30_000,
    });
    const saved = existsSync(join(dir, '.pytify'));
    if (result.code !== 0 || !saved)
      throw new Error(`interactive flow: exit ${result.code}, token saved: ${saved}:\n${result.output.slice(-1500)}`);
    // The fake browser's detached half logs once the callback page has arrived.
    for (let i = 0; i < 50 && !existsSync(browserLog); i += 1) await sleep(100);
    const entry = existsSync(browserLog) ? JSON.parse(readFileSync(browserLog, 'utf8').trim().split('\n')[0]) : {};
    if (entry.callbackStatus !== 200)
      throw new Error(`interactive flow: the browser got ${entry.callbackStatus ?? 'no'} callback page`);
    peaks.push(await readRss(rssFile));
    durations.push(result.ms);
  }
  return { peaks, durations };
}

/** `token` with its cached access token, and `node -e 0` for comparison. */
export async function tokenRss(ctx, token) {
  const peaks = [];
  const floor = [];
  for (let run = 0; run < ctx.plan.tokenRssRuns; run += 1) {
    for (const [list, argv] of [
      [peaks, [ctx.node, ctx.cli, 'token']],
      [floor, [ctx.node, '-e', '0']],
    ]) {
      const file = join(ctx.work, `rss-${run}`);
      const result = await timedRun('sh', ['-c', rssWrapper(argv, file)], { cwd: token.dir, env: ctx.env(token.dir) });
      if (result.code !== 0) throw new Error(`peak RSS run failed: ${result.stderr}`);
      list.push(await readRss(file));
    }
  }
  return { peaks, floor };
}
