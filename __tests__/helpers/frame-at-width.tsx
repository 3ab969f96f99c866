import { render } from 'ink';
import { EventEmitter } from 'node:events';
import type { ReactElement } from 'react';

/** The last frame of `element` on a terminal `columns` wide (ink-testing-library is fixed at 100). */
export function frameAtWidth(columns: number, element: ReactElement): string {
  const stdout = Object.assign(new EventEmitter(), {
    columns,
    rows: 40,
    isTTY: false,
    frames: [] as string[],
    write(chunk: string) {
      this.frames.push(chunk);
      return true;
    },
  });
  const app = render(element, { stdout: stdout as unknown as NodeJS.WriteStream, debug: true, patchConsole: false });
  app.unmount();
  return stdout.frames.at(-1) ?? '';
}
