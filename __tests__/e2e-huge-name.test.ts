import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHostileSpotify, type HostileSpotify } from './helpers/hostile-spotify.js';
import { BIN, clipboardTerminal, configuredFor, flat } from './helpers/hostile-terminal.js';
import { sessionsKilledAfterEach } from './helpers/tmux.js';

// A 100 kB display name once kept the TUI busy for minutes (Ink wrapping the whole string), with
// Ctrl-C and SIGTERM ignored meanwhile. Cut by the sanitiser, it is drawn at once: the login ends
// in a few seconds, and the next launch, which reads the name back from .pytify.json, still stops
// on SIGTERM at once.
let spotify: HostileSpotify;
const sessions = sessionsKilledAfterEach();
beforeAll(async () => {
  spotify = await startHostileSpotify({ profile: { display_name: `Ada ${'x'.repeat(100_000)}`, id: 'ada' } });
});
afterAll(() => spotify.close());

describe('a 100 kB display name', () => {
  it('is cut: the login ends at once, and the next launch still stops on SIGTERM', async () => {
    const dir = await configuredFor(spotify);
    const session = clipboardTerminal(dir, ['node', BIN]);
    sessions.push(session);
    await session.waitForText('Press Enter to authorize');
    const started = Date.now();
    session.sendKeys('Enter');
    await session.waitFor((text) => flat(text).includes('Authorized as Ada xxx'), 'the account', 10_000);
    expect(await session.exitCode(10_000)).toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);

    const again = clipboardTerminal(dir, ['node', BIN]);
    sessions.push(again);
    await again.waitForText('Enter to authorize again', 10_000);
    const stopAsked = Date.now();
    process.kill(again.programPid(), 'SIGTERM');
    expect(await again.exitCode(5_000)).toBe(143);
    expect(Date.now() - stopAsked).toBeLessThan(2_000);
  });
});
