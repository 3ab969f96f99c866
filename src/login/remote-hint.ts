import type { LoginInfo } from './state.js';

export interface HintLine {
  text: string;
  /** 'command' lines are meant to be copied; 'aside' lines are secondary advice. */
  role: 'say' | 'command' | 'aside';
}

/** The ports the browser visits here: the callback's and, in the demo, its own Spotify's. */
function visitedPorts(info: LoginInfo): number[] {
  const port = Number(new URL(info.redirectUri).port);
  const ports = port > 0 ? [port] : [];
  return info.demo ? [...ports, info.demo.port] : ports;
}

/** `docker run -p` for each port the browser visits, or the placeholder while none is known. */
function publishFlags(info: LoginInfo): string {
  const ports = visitedPorts(info);
  if (ports.length === 0) return '-p 127.0.0.1:PORT:PORT';
  return ports.map((port) => `-p 127.0.0.1:${port}:${port}`).join(' ');
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
        ...(info.demo
          ? [{ role: 'aside' as const, text: `It forwards the demo's own Spotify (port ${info.demo.port}) too.` }]
          : []),
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
          text: `Publish ${info.demo ? "the callback's and the demo Spotify's ports" : 'the callback port'} (docker run ${publishFlags(info)}) or paste the URL the browser ends on.`,
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
