import { UsageError } from '../cli/args.js';

/** `pytify-auth logout`: not built yet. */
export async function run(_argv: string[]): Promise<number> {
  throw new UsageError('the "logout" command is not available yet');
}
