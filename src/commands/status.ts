import { UsageError } from '../cli/args.js';

/** `pytify-auth status`: not built yet. */
export async function run(_argv: string[]): Promise<number> {
  throw new UsageError('the "status" command is not available yet');
}
