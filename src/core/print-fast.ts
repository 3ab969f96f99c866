import { writeSync } from 'node:fs';

/**
 * Writes to stdout without creating process.stdout, whose stream machinery costs about 1.5 ms of
 * start-up: for the one short text of --version, --help and a cached `token`. A full non-blocking
 * pipe (EAGAIN) gets the rest through process.stdout as usual; a reader that has gone away (EPIPE,
 * as with `| head -1`) ends the output quietly, as it does for other command-line tools.
 */
export function printFast(text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') return;
    if (code !== 'EAGAIN') throw error;
    process.stdout.write(bytes.subarray(written));
  }
}
