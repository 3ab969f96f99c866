import { writeFileAtomic } from '../core/private-file.js';

/** Why a save did not happen; the setup screen picks its words and next step by `code`. */
export class SetupWriteError extends Error {
  constructor(
    readonly code: 'FILE_EXISTS' | 'WRITE_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SetupWriteError';
  }
}

const errno = (error: unknown): string => String((error as NodeJS.ErrnoException).code ?? 'write failed');

/**
 * Saves the config with mode 0600 (it may hold a client secret). `replace: false` never touches an
 * existing file (FILE_EXISTS), even one that appeared after the user was asked (another terminal,
 * an editor); `replace: true` is for after the user said yes, and swaps the file atomically,
 * refusing a symbolic link as the token file does.
 */
export async function writeConfigFile(path: string, content: string, options: { replace: boolean }): Promise<void> {
  try {
    await writeFileAtomic(path, content, { createOnly: !options.replace });
  } catch (error) {
    if (errno(error) === 'EEXIST') {
      throw new SetupWriteError('FILE_EXISTS', `${path} already exists`, { cause: error });
    }
    const reason = error instanceof Error && !(error as NodeJS.ErrnoException).code ? error.message : errno(error);
    throw new SetupWriteError('WRITE_FAILED', `Could not write ${path} (${reason})`, { cause: error });
  }
}
