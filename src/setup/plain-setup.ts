import { ConfigError } from '../core/errors.js';
import { EXIT } from '../core/exit-codes.js';
import { describeConfigError } from '../config/messages.js';
import type { ResolveOptions } from '../config/resolve.js';
import { plainGuide } from './guide.js';
import { prepareSetup } from './prepare.js';

export interface PlainOutput {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
}

/**
 * Without a terminal nothing can be asked: the setup guide goes to stderr and the exact file to
 * write to stdout. Exit 1 (not authorized; nothing was saved), or 2 for a config to fix first.
 */
export async function printSetupGuide(
  options: ResolveOptions,
  out: PlainOutput,
  headline?: (editing: string) => string,
): Promise<number> {
  let plan;
  try {
    plan = await prepareSetup(options);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    out.stderr.write(describeConfigError(error));
    return EXIT.USAGE;
  }
  const width = out.stderr.isTTY ? out.stderr.columns : undefined;
  const { stderr, stdout } = await plainGuide(
    plan,
    plan.current.clientId && headline ? headline(plan.fileLabel) : undefined,
    width,
  );
  out.stderr.write(stderr);
  out.stdout.write(stdout);
  return EXIT.NOT_AUTHORIZED;
}
