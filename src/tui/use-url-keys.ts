import { useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { osc52, plainUrlBlock } from './clipboard.js';

export interface UrlNotice {
  /** The attempt (its URL) the key was pressed in: a new attempt drops the notice. */
  attempt: string;
  text: string;
  /** Ctrl-P: the live frame stays short until the next key, so the printed URL stays in view. */
  printed: boolean;
}

const COPIED = 'Sent the URL to your clipboard by OSC 52. Not there? Your terminal may not allow it: use Ctrl-P.';
const PRINTED = 'Printed the URL above, alone on one line, for copying. Any other key brings the screen back.';

/** Ctrl-Y and Ctrl-P on the waiting screen: the URL whole, whatever the terminal's size. */
export function useUrlKeys() {
  const { stdout, write } = useStdout();
  const [notice, setNotice] = useState<UrlNotice>();
  // Ctrl-P: the URL is written once the short frame is on the screen. Ink writes it above the
  // frame it last painted: written over the full one, the two together would scroll the URL's
  // start off a small screen. Ink paints at most every ~33 ms (30 fps), hence the wait.
  const [toPrint, setToPrint] = useState<string>();
  useEffect(() => {
    if (toPrint === undefined) return;
    const timer = setTimeout(() => {
      write(plainUrlBlock(toPrint));
      setToPrint(undefined);
    }, 80);
    return () => clearTimeout(timer);
  }, [toPrint, write]);

  const giveUrl = (url: string, how: 'copy' | 'print') => {
    if (how === 'copy') stdout.write(osc52(url));
    else setToPrint(url);
    setNotice({ attempt: url, printed: how === 'print', text: how === 'copy' ? COPIED : PRINTED });
  };
  /** Any other key: the full screen comes back. */
  const dismissPrinted = () => {
    if (notice?.printed) setNotice(undefined);
  };
  return { notice, giveUrl, dismissPrinted };
}
