import isInsideContainer from 'is-inside-container';
import isWsl from 'is-wsl';

/**
 * Where pytify-auth runs decides whether opening a browser can work at all: over SSH or in a
 * container the browser would open (if anywhere) on the wrong machine, and a text browser would
 * take over the terminal. `ssh` carries the address the user connected to, for the -L hint.
 */
export type RunEnvironment =
  | { kind: 'desktop' }
  | { kind: 'ssh'; serverAddress?: string; user?: string }
  | { kind: 'wsl' }
  | { kind: 'container' }
  | { kind: 'no-display' };

/** What the detection reads, passed in so tests describe machines without being on them. */
export interface EnvironmentProbe {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** WSL's kernel; false in a container on WSL, which counts as a container. */
  isWsl(): boolean;
  /** Docker or Podman. */
  isInsideContainer(): boolean;
}

/** The machine itself, as open (the browser launcher) sees it: is-wsl and is-inside-container. */
export const systemProbe = (env: NodeJS.ProcessEnv): EnvironmentProbe => ({
  env,
  platform: process.platform,
  isWsl: () => isWsl,
  isInsideContainer,
});

export function detectEnvironment(probe: EnvironmentProbe): RunEnvironment {
  const { env } = probe;
  // Read here rather than with is-in-ssh (open's, not ours): the same three variables, and
  // SSH_CONNECTION's address is needed anyway.
  if (env.SSH_CONNECTION || env.SSH_TTY || env.SSH_CLIENT) {
    // SSH_CONNECTION is "client-ip client-port server-ip server-port": the server is this machine.
    const serverAddress = env.SSH_CONNECTION?.trim().split(/\s+/)[2];
    return { kind: 'ssh', serverAddress, user: env.USER ?? env.LOGNAME };
  }
  if (probe.platform !== 'linux') return { kind: 'desktop' };
  if (probe.isWsl()) return { kind: 'wsl' };
  // `container` is set by systemd-nspawn, LXC and toolbox, which is-inside-container does not know.
  if (probe.isInsideContainer() || env.container) return { kind: 'container' };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { kind: 'no-display' };
  return { kind: 'desktop' };
}

/** The exact command, run on the user's own machine, that carries the callback here over SSH. */
export function sshForwardCommand(
  environment: Extract<RunEnvironment, { kind: 'ssh' }>,
  host: string,
  port: number,
): string {
  const target = environment.serverAddress
    ? `${environment.user ? `${environment.user}@` : ''}${environment.serverAddress}`
    : '<this host>';
  // ssh's slash form avoids the brackets an IPv6 address would need in the colon form.
  const forward = host.includes(':') ? `${port}/${host}/${port}` : `${port}:${host}:${port}`;
  return `ssh -L ${forward} ${target}`;
}
