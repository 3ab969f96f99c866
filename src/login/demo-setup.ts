import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoginSetup } from './login-setup.js';
import { parsePort, parseTimeout } from '../config/flags.js';
import { withPort } from '../config/load-config.js';
import { DEFAULTS, type ConfigFlags } from '../config/types.js';
import { startFakeSpotify } from '../demo/fake-spotify.js';

/** A made-up app id of the real shape (32 hex characters). */
export const DEMO_CLIENT_ID = '0123456789abcdef0123456789abcdef';

/**
 * `--demo`: a local Spotify on a free loopback port, a PKCE app registered with a portless
 * redirect URI (so any free port works), and a token file in a fresh temporary directory, so
 * a real .pytify is never touched. No config file is read.
 */
export async function setUpDemo(flags: ConfigFlags): Promise<LoginSetup> {
  const timeoutSeconds = parseTimeout(flags.timeout);
  const port = parsePort(flags.port) ?? 0;
  const spotify = await startFakeSpotify({
    clients: [{ clientId: DEMO_CLIENT_ID, name: 'pytify-auth (demo)', redirectUris: ['http://127.0.0.1/callback'] }],
  });
  // Its own directory holds the demo's tokens: removed on exit, so no run leaves any behind.
  const directory = flags.tokenFile ? undefined : await mkdtemp(join(tmpdir(), 'pytify-demo-'));
  const tokenFile = directory ? join(directory, '.pytify') : resolve(flags.tokenFile!);
  const { hostname, port: spotifyPort } = new URL(spotify.origin);
  return {
    config: {
      clientId: DEMO_CLIENT_ID,
      redirectUri: withPort('http://127.0.0.1/callback', port),
      scopes: [...DEFAULTS.scopes],
      tokenFile,
      authUrl: spotify.authUrl,
      tokenUrl: spotify.tokenUrl,
      apiUrl: spotify.apiUrl,
      timeoutSeconds,
      showDialog: flags.showDialog ?? false,
      openBrowser: !flags.noBrowser,
    },
    warnings: [],
    demo: {
      host: hostname.replace(/^\[|\]$/g, ''),
      port: Number(spotifyPort),
      removesTokenFile: directory !== undefined,
    },
    cleanup: async () => {
      await spotify.close();
      if (directory) await rm(directory, { recursive: true, force: true });
    },
  };
}
