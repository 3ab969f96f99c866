import { CONFIG_FLAG_OPTIONS, configFlagsOf, parseFlags } from './parse-flags.js';
import { ConfigError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { diagnose } from './doctor-checks.js';
import { systemProbes, type DoctorProbes } from './doctor-probes.js';
import { formatDoctorReport } from './doctor-report.js';
import { resolveConfig } from '../config/resolve.js';
import type { ConfigFlags } from '../config/types.js';
import { present, wantsColour, type Presentation } from '../core/present.js';
import { sanitize } from '../core/sanitize.js';
import { commandLog } from './command-kit.js';

export const DOCTOR_HELP = `Usage: pytify-auth doctor [--config <file>] [--token-file <path>] [--port <n>] [--timeout <s>]

Explains the configuration pytify-auth would use, without logging in: which config file was read
and why (the search from the current directory upwards), every effective value and where it came
from (file, environment, flag or default), warnings (unknown keys, a client secret in a file others
can read, a token file git does not ignore, a token directory others can write to), who owns the
config file and the token directory, and whether the redirect URI's port is free. Takes the same
configuration flags as pytify-auth, and --debug (each step on stderr, like every command).

Exit codes: 0 ready to log in (warnings allowed), 1 a check failed, 2 usage or configuration error.
`;

function parse(argv: string[]): { help: boolean; noColor: boolean; debug: boolean; flags: ConfigFlags } {
  const values = parseFlags(argv, {
    help: { type: 'boolean', short: 'h' },
    'no-color': { type: 'boolean' },
    debug: { type: 'boolean' },
    ...CONFIG_FLAG_OPTIONS,
  });
  const debug = values.debug === true;
  return { help: values.help === true, noColor: values['no-color'] === true, debug, flags: configFlagsOf(values) };
}

export interface DoctorOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: ConfigFlags;
  probes: DoctorProbes;
  stopDir?: string;
  homeDir?: string;
  /** Wrapping and colour for each stream; none: plain lines, as pasted into an issue. */
  output?: { stdout?: Presentation; stderr?: Presentation };
}

/** The report and the exit code, with every dependency passed in (tests give fixed probes). */
export async function doctor(options: DoctorOptions): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const resolved = await resolveConfig(options);
    const diagnosis = await diagnose(resolved, options.probes);
    const failed = diagnosis.checks.some((check) => !check.ok);
    return {
      code: failed ? EXIT.NOT_AUTHORIZED : EXIT.OK,
      stdout: await formatDoctorReport(resolved, diagnosis, options.output?.stdout),
      stderr: '',
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const where = [error.file && `  file: ${error.file}`, error.key && `  key:  ${error.key}`].filter(Boolean);
    // A file with several wrong values reports each on a line of its own: one ✖ each.
    const problems = error.message.split('\n').map((line) => `✖ ${line}`);
    const lines = [...problems, ...where].map((line) => sanitize(String(line), 2000));
    return { code: EXIT.USAGE, stdout: '', stderr: `${await present(lines, options.output?.stderr ?? {})}\n` };
  }
}

/** What a stream shows: its terminal's width and colours, or plain whole lines in a pipe. */
function presentationFor(stream: NodeJS.WriteStream, noColor: boolean): Presentation {
  return { width: stream.isTTY ? stream.columns : undefined, colour: wantsColour(stream, process.env, noColor) };
}

/** `pytify-auth doctor`: the report on stdout; wrapped and coloured only on a terminal. */
export async function run(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(DOCTOR_HELP);
    return EXIT.OK;
  }
  // doctor never asks Spotify: its steps are what it read and concluded (no secret, no value).
  const log = commandLog(args.debug);
  log?.('doctor', { cwd: process.cwd() });
  const result = await doctor({
    cwd: process.cwd(),
    env: process.env,
    flags: args.flags,
    probes: systemProbes,
    output: {
      stdout: presentationFor(process.stdout, args.noColor),
      stderr: presentationFor(process.stderr, args.noColor),
    },
  });
  log?.('doctor done', { exit: result.code });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.code;
}
