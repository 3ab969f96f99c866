import { describe, expect, it } from '@jest/globals';
import { createServer } from 'node:net';
import isInsideContainer from 'is-inside-container';
import isWsl from 'is-wsl';
import { detectEnvironment, sshForwardCommand, systemProbe, type EnvironmentProbe } from '../src/login/environment.js';
import { findPortHolder } from '../src/listener/port-holder.js';

function probe(
  env: NodeJS.ProcessEnv,
  options: { platform?: NodeJS.Platform; wsl?: boolean; container?: boolean } = {},
): EnvironmentProbe {
  return {
    env,
    platform: options.platform ?? 'linux',
    isWsl: () => options.wsl ?? false,
    isInsideContainer: () => options.container ?? false,
  };
}

describe('detectEnvironment', () => {
  it.each<[string, EnvironmentProbe, string]>([
    ['an SSH session', probe({ SSH_CONNECTION: '10.0.0.5 50000 192.0.2.7 22', USER: 'ada', DISPLAY: ':0' }), 'ssh'],
    ['an SSH terminal without SSH_CONNECTION', probe({ SSH_TTY: '/dev/pts/1', DISPLAY: ':0' }), 'ssh'],
    ['SSH into WSL', probe({ SSH_CLIENT: '10.0.0.5 50000 22' }, { wsl: true }), 'ssh'],
    ['WSL', probe({ DISPLAY: ':0' }, { wsl: true }), 'wsl'],
    ['a Docker or Podman container', probe({ DISPLAY: ':0' }, { container: true }), 'container'],
    ['a container that says so in $container', probe({ container: 'lxc', DISPLAY: ':0' }), 'container'],
    ['Linux without a display', probe({}), 'no-display'],
    ['Linux with X11', probe({ DISPLAY: ':0' }), 'desktop'],
    ['Linux with Wayland', probe({ WAYLAND_DISPLAY: 'wayland-0' }), 'desktop'],
    ['macOS', probe({}, { platform: 'darwin' }), 'desktop'],
    ['Windows', probe({}, { platform: 'win32', container: true }), 'desktop'],
  ])('%s', (_name, given, kind) => {
    expect(detectEnvironment(given).kind).toBe(kind);
  });

  it('asks this machine through is-wsl and is-inside-container, as open does', () => {
    const system = systemProbe({ DISPLAY: ':0' });
    expect([system.platform, system.isWsl(), system.isInsideContainer()]).toEqual([
      process.platform,
      isWsl,
      isInsideContainer(),
    ]);
  });

  it('keeps the address the user connected to, for the tunnel hint', () => {
    expect(detectEnvironment(probe({ SSH_CONNECTION: '10.0.0.5 50000 192.0.2.7 22', USER: 'ada' }))).toEqual({
      kind: 'ssh',
      serverAddress: '192.0.2.7',
      user: 'ada',
    });
  });
});

describe('sshForwardCommand', () => {
  it.each([
    [
      { kind: 'ssh', serverAddress: '192.0.2.7', user: 'ada' } as const,
      '127.0.0.1',
      3000,
      'ssh -L 3000:127.0.0.1:3000 ada@192.0.2.7',
    ],
    [{ kind: 'ssh', serverAddress: '2001:db8::7' } as const, '::1', 8888, 'ssh -L 8888/::1/8888 2001:db8::7'],
    [{ kind: 'ssh' } as const, '127.0.0.1', 3000, 'ssh -L 3000:127.0.0.1:3000 <this host>'],
  ])('%j on %s:%d', (environment, host, port, expected) => {
    expect(sshForwardCommand(environment, host, port)).toBe(expected);
  });
});

describe('findPortHolder', () => {
  it('names this very process when it holds the port (Linux /proc)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const holder = await findPortHolder(port);
      expect(holder?.pid).toBe(process.pid);
      expect(holder?.command).toMatch(/node|jest/);
    } finally {
      server.close();
    }
  });

  it('answers undefined for a free port or without /proc', async () => {
    expect(await findPortHolder(1, '/nonexistent-proc')).toBeUndefined();
  });
});
