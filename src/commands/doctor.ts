import { CONFIG_FLAG_OPTIONS, configFlagsOf, parseFlags } from './parse-flags.js';
import { ConfigError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { diagnose } from './doctor-checks.js';
import { systemProbes, type DoctorProbes } from './doctor-probes.js';
import { formatDoctorReport } from './doctor-report.js';
import { resolveConfig } from '../config/resolve.js';
import type { ConfigFlags } from '../config/types.js';

export const DOCTOR_HELP = `Usage: pytify-auth doctor [--config <file>] [--token-file <path>] [--port <n>] [--timeout <s>]

Explains the configuration pytify-auth would use, without logging in: which config file was read
and why (the search from the current directory upwards), every effective value and where it came
from (file, environment, flag or default), warnings (a localhost redirect URI, unknown keys, a
client secret in a file others can read, a token file git does not ignore), and whether the
redirect URI's port is free. Takes the same configuration flags as pytify-auth.

Exit codes: 0 ready to log in (warnings allowed), 1 a check failed, 2 usage or configuration error.
`;

function parse(argv: string[]): { help: boolean; flags: ConfigFlags } {
  const values = parseFlags(argv, { help: { type: 'boolean', short: 'h' }, ...CONFIG_FLAG_OPTIONS });
  return { help: values.help === true, flags: configFlagsOf(values) };
}

export interface DoctorOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  flags: ConfigFlags;
  probes: DoctorProbes;
  stopDir?: string;
  homeDir?: string;
}

/** The report and the exit code, with every dependency passed in (tests give fixed probes). */
export async function doctor(options: DoctorOptions): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const resolved = await resolveConfig(options);
    const diagnosis = await diagnose(resolved, options.probes);
    const failed = diagnosis.checks.some((check) => !check.ok);
    return {
      code: failed ? EXIT.NOT_AUTHORIZED : EXIT.OK,
      stdout: formatDoctorReport(resolved, diagnosis),
      stderr: '',
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const where = [error.file && `  file: ${error.file}`, error.key && `  key:  ${error.key}`].filter(Boolean);
    return { code: EXIT.USAGE, stdout: '', stderr: [`✖ ${error.message}`, ...where, ''].join('\n') };
  }
}

/** `pytify-auth doctor`: a plain-text report on stdout, the same with or without a terminal. */
export async function run(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(DOCTOR_HELP);
    return EXIT.OK;
  }
  const result = await doctor({ cwd: process.cwd(), env: process.env, flags: args.flags, probes: systemProbes });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  return result.code;
}
