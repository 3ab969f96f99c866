import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FakeSpotify } from '../src/demo/fake-spotify.js';
import { FAKE_BROWSER, runPlain, startSpotify, tempDir, writeConfig } from './helpers/e2e.js';

// The built program without a terminal: the waiting line of waiting-hint.test.tsx, in plain text.
describe('the plain output', () => {
  let spotify: FakeSpotify;
  beforeAll(async () => {
    spotify = await startSpotify();
  });
  afterAll(() => spotify.close());

  it('says it once, while waiting, with the URI to register', async () => {
    const dir = await tempDir();
    await writeConfig(dir, spotify);
    const result = await runPlain([], { cwd: dir, env: { BROWSER: FAKE_BROWSER } });
    expect(result).toMatchObject({ code: 0 });
    const lines = result.stderr.split('\n').filter((line) => line.includes('INVALID_CLIENT'));
    expect(lines).toEqual([
      `If Spotify's page says "INVALID_CLIENT: Invalid redirect URI", add http://127.0.0.1/callback to your app's Redirect URIs in the dashboard; "INVALID_CLIENT: Invalid client": check clientId.`,
    ]);
  });
});
