/** Records a line (a fuzz seed, the counts a run saw) to show if the test fails. */
export type Note = (text: string) => void;

/**
 * A test body whose notes are shown only when it fails: a passing run prints nothing, a failing
 * one says how to reproduce it and what the run saw. With `withinMs` the body fails by itself
 * (notes included) before jest's own timeout, which would drop them, can strike.
 */
export function withNotes(body: (note: Note) => Promise<void>, withinMs?: number): () => Promise<void> {
  return async () => {
    const notes: string[] = [];
    let timer: NodeJS.Timeout | undefined;
    const run = body((text) => notes.push(text));
    const bounded =
      withinMs === undefined
        ? run
        : Promise.race([
            run,
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new Error(`did not finish within ${withinMs} ms`)), withinMs);
            }),
          ]);
    try {
      await bounded;
    } catch (error) {
      throw annotated(error, notes);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The error with the notes put before its message (jest prints the stack, which starts with it). */
function annotated(error: unknown, notes: string[]): unknown {
  if (notes.length === 0) return error;
  const header = notes.join('\n');
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    const failure = error as { message: string; stack?: string };
    failure.message = `${header}\n\n${failure.message}`;
    // V8 formats the stack on first read, so it may already carry the new message.
    if (typeof failure.stack === 'string' && !failure.stack.includes(header)) {
      failure.stack = `${header}\n\n${failure.stack}`;
    }
    return failure;
  }
  return new Error(`${header}\n\n${String(error)}`);
}
