import type { LoginInfo } from './state.js';

export interface HintLine {
  text: string;
  /** 'command' lines are meant to be copied; 'aside' lines are secondary advice. */
  role: 'say' | 'command' | 'aside';
}

/**
 * Why no browser opened here and what gets the callback back to this machine; shared by the TUI
 * and the plain-text output so both say the same thing.
 */
export function remoteHint(info: LoginInfo): HintLine[] {
  if (info.browserSkipReason === 'flag') {
    return [{ role: 'say', text: 'Not opening a browser (--no-browser): open the URL above yourself.' }];
  }
  switch (info.environment) {
    case 'ssh':
      return [
        { role: 'say', text: 'Connected over SSH: open the URL above in the browser on your own computer.' },
        { role: 'say', text: 'So that its redirect reaches this machine, run this there first:' },
        { role: 'command', text: `  ${info.sshCommand ?? 'ssh -L <port>:127.0.0.1:<port> <this host>'}` },
        { role: 'aside', text: 'Or skip the tunnel and paste the URL the browser ends on.' },
      ];
    case 'wsl':
      return [
        { role: 'say', text: 'On WSL: open the URL above in your Windows browser.' },
        { role: 'aside', text: 'To open it automatically next time: install wslu and set BROWSER=wslview.' },
      ];
    case 'container':
      return [
        { role: 'say', text: 'Inside a container: open the URL above in a browser on the host.' },
        {
          role: 'aside',
          text: 'Publish the callback port (docker run -p 127.0.0.1:PORT:PORT) or paste the URL the browser ends on.',
        },
      ];
    case 'no-display':
      return [
        { role: 'say', text: 'No display here (DISPLAY is not set): open the URL above in a browser on any machine,' },
        { role: 'say', text: 'then paste the URL it ends on.' },
      ];
    case 'desktop':
      return [];
  }
}
