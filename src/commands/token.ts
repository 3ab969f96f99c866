import { UsageError } from '../cli/args.js';

/** `pytify-auth token`: not built yet. */
export async function run(_argv: string[]): Promise<number> {
  throw new UsageError('the "token" command is not available yet');
}
