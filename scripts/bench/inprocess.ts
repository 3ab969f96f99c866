// The in-process figures of `npm run bench`, bundled from src/ by scripts/bench/run.mjs:
//
//   callback <logins>     real logins (LoginFlow, callback listener, token client, token file)
//                         against the local Spotify; for each, the callback GET is timed from
//                         just before it is sent to the end of the page, minus the time spent
//                         inside exchangeCode and fetchProfile (the token endpoint and /me).
//   junk <n> <c> <seed> <client>
//                         a login waiting for its callback, drawn by the real TUI (App) into a
//                         fake 100x30 terminal, while junk-client.mjs (another process) sends n
//                         junk requests c at a time; then the real callback must complete it.
//                         BENCH_NO_TUI=1: the same without the TUI (the listener alone).
//   junk-floor <n> <c> <seed> <client>
//                         the same load on a bare node:http server: what the machine and the
//                         load generator cost by themselves.
//
// Prints one JSON line on stdout.
import { callbackBench } from './callback.js';
import { junkBench, junkFloor } from './junk.js';

const [scenario, ...rest] = process.argv.slice(2);
const result =
  scenario === 'callback'
    ? await callbackBench(Number(rest[0] ?? 300))
    : scenario === 'junk' || scenario === 'junk-floor'
      ? await (scenario === 'junk' ? junkBench : junkFloor)(
          Number(rest[0]),
          Number(rest[1]),
          Number(rest[2]),
          String(rest[3]),
        )
      : (() => {
          throw new Error(`unknown scenario ${scenario}`);
        })();
// Exit once the (large) line is flushed: a pipe takes 64 kB at a time.
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
