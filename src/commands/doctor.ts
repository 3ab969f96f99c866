import { UsageError } from '../cli/args.js';

/** `pytify-auth doctor`: not built yet. */
export async function run(_argv: string[]): Promise<number> {
  throw new UsageError('the "doctor" command is not available yet');
}
