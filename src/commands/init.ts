import { UsageError } from '../cli/args.js';

/** `pytify-auth init`: not built yet. */
export async function run(_argv: string[]): Promise<number> {
  throw new UsageError('the "init" command is not available yet');
}
