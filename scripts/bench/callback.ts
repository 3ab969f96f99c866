// Callback handling: each callback GET of a real login from sending to the page's end, minus the
// time spent in the token exchange and /me (the token endpoint's share, not the listener's).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTokenClient } from '../../src/token/token-client.js';
import { approve, CLIENT_ID, get, startSpotify, timedClient, waitingLogin } from './login-kit.js';

export async function callbackBench(logins: number) {
  const spotify = await startSpotify();
  const dir = await mkdtemp(join(tmpdir(), 'pytify-bench-'));
  const handling: number[] = [];
  const endpoint: number[] = [];
  const total: number[] = [];
  try {
    for (let i = 0; i < logins; i += 1) {
      const { client, spent } = timedClient(
        createTokenClient({ tokenUrl: spotify.tokenUrl, apiUrl: spotify.apiUrl, clientId: CLIENT_ID }),
      );
      const { flow, authorizeUrl } = await waitingLogin(spotify, join(dir, '.pytify'), client);
      try {
        const callbackUrl = await approve(authorizeUrl);
        spent.ms = 0;
        const started = performance.now();
        const page = await get(callbackUrl);
        const elapsed = performance.now() - started;
        if (page.status !== 200 || flow.state.kind !== 'authorized') {
          throw new Error(`login ${i} did not complete: page ${page.status}, state ${flow.state.kind}`);
        }
        total.push(elapsed);
        endpoint.push(spent.ms);
        handling.push(elapsed - spent.ms);
      } finally {
        await flow.close();
      }
    }
  } finally {
    await spotify.close();
    await rm(dir, { recursive: true, force: true });
  }
  return { handling, endpoint, total };
}
