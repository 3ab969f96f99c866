import { afterEach, describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { doctor } from '../src/commands/doctor.js';
import { registerUriFor, showWithPort } from '../src/config/guidance.js';
import { describeConfigError } from '../src/config/messages.js';
import { DEFAULTS, type ConfigFlags } from '../src/config/types.js';
import { startCallbackServer } from '../src/listener/callback-server.js';
import { LoginFlow } from '../src/login/flow.js';
import { cryptoRandom } from '../src/oauth/pkce.js';
import { plainGuide } from '../src/setup/guide.js';
import { prepareSetup } from '../src/setup/prepare.js';
import { createTokenClient } from '../src/token/token-client.js';
import { createFileTokenStore } from '../src/token/token-store.js';
import { ConfigErrorView, configErrorViewProps } from '../src/tui/ConfigErrorView.js';
import { Details } from '../src/tui/Details.js';
import { adviceFor } from '../src/tui/error-advice.js';
import { PortBusyStatus } from '../src/tui/PortBusyStatus.js';
import { SetupGuide } from '../src/tui/setup/SetupGuide.js';
import { createProject, type Project } from './fixtures/config/project.js';
import { ManualClock } from './helpers/manual-clock.js';

// Every text that tells the user what to register must name the URI this configuration uses:
// before one source fed them all, some hard-coded the default (`status` named …8888… then …3000…).
const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
const DEAD = 'http://127.0.0.1:9/never-asked';

interface Case {
  readonly name: string;
  readonly files?: Record<string, object>;
  readonly env?: NodeJS.ProcessEnv;
  readonly flags?: ConfigFlags;
  /** What must be registered in the dashboard. */
  readonly register: string;
}

const CASES: Case[] = [
  {
    name: 'SPOTIFY_REDIRECT_URI with port 8888',
    env: { SPOTIFY_REDIRECT_URI: 'http://127.0.0.1:8888/callback' },
    register: 'http://127.0.0.1:8888/callback',
  },
  {
    name: 'a portless URI',
    env: { SPOTIFY_REDIRECT_URI: 'http://127.0.0.1/spotify' },
    register: 'http://127.0.0.1/spotify',
  },
  {
    name: 'port 0 in the file (registered without a port)',
    files: { '.spotifyrc': { redirectUri: 'http://[::1]:0/spotify' } },
    register: 'http://[::1]/spotify',
  },
  { name: 'the default with --port 0', flags: { port: '0' }, register: 'http://127.0.0.1/callback' },
];

let project: Project | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

function frameOf(element: ReactElement): string {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

/** The loopback URIs a text names, without the punctuation that follows them in a sentence. */
const namedUris = (text: string): string[] =>
  (text.match(/https?:\/\/(?:127\.0\.0\.1|\[::1\]|localhost)[^\s"'),;]*/g) ?? []).map((uri) => uri.replace(/\.$/, ''));

/** The text names each of `expected`, and no other loopback URI (never the default). */
function expectNames(text: string, ...expected: string[]): void {
  for (const uri of expected) expect(text).toContain(uri);
  expect(text).not.toContain(DEFAULTS.redirectUri);
  for (const uri of namedUris(text)) expect(expected).toContain(uri);
}

/** A busy port: another port (registered as such) or no port at all (any free one). */
const busyChoices = (register: string): string[] => [showWithPort(register, '<n>'), showWithPort(register, '')];

describe.each(CASES)('guidance for $name', ({ files = {}, env = {}, flags = {}, register }) => {
  const withId = { ...env, SPOTIFY_CLIENT_ID: ID };
  const start = async () => {
    project = await createProject(files);
    return { project, options: { cwd: project.root, env, flags, stopDir: project.root, homeDir: project.root } };
  };

  it('a missing client id: the plain text (status, token, login without a terminal) and the screen', async () => {
    const error = await (await start()).project.fail({ env, flags });
    expect(error.code).toBe('CONFIG_MISSING_CLIENT_ID');
    // status --json and the library see only the message: it names the URI too.
    expectNames(error.message, register);
    const plain = describeConfigError(error);
    expectNames(plain, register);
    expect(plain).toContain(`\n       ${register}\n`);
    expectNames(frameOf(<ConfigErrorView {...configErrorViewProps(error, [])} />), register);
  });

  it('the setup guide, on screen and without a terminal', async () => {
    const plan = await prepareSetup((await start()).options);
    expectNames((await plainGuide(plan)).stderr, register);
    expectNames(frameOf(<SetupGuide redirectUri={plan.redirectUri} dashboard="idle" />), register);
  });

  it("doctor's checks, with the port free and taken", async () => {
    const { options } = await start();
    const checks = async (port: 'free' | 'in-use') => {
      const probes = { fileMode: async () => 0o600, gitIgnore: async () => undefined, port: async () => port };
      const result = await doctor({ ...options, env: withId, probes });
      return result.stdout.slice(result.stdout.indexOf('Checks'));
    };
    if (register.includes(':8888')) {
      expect(await checks('free')).toContain('Port 8888 on 127.0.0.1 is free');
      expectNames(await checks('in-use'), ...busyChoices(register));
    } else {
      // No port: nothing to probe, only what to register.
      for (const port of ['free', 'in-use'] as const) expectNames(await checks(port), register);
    }
  });

  it('the login screens: the launch details, a busy port and a refused code', async () => {
    const loaded = await (await start()).project.load({ env: withId, flags });
    const config = { ...loaded.config, authUrl: DEAD, tokenUrl: DEAD, apiUrl: DEAD };
    // Only read, never started: nothing listens and nothing is sent.
    const flow = new LoginFlow({
      config,
      listen: startCallbackServer,
      browser: { open: async () => undefined },
      tokenClient: createTokenClient(config),
      tokenStore: createFileTokenStore(config.tokenFile),
      clock: new ManualClock(),
      random: cryptoRandom,
    });
    const { info } = flow;
    expect(info.registerUri).toBe(register);
    expect(registerUriFor(config.redirectUri)).toBe(register);
    const details = frameOf(<Details info={info} />);
    expect(details).not.toContain(DEFAULTS.redirectUri);
    expect(details).toContain(info.redirectUri === register ? 'register exactly this' : `register ${register}`);
    const busy = frameOf(<PortBusyStatus host="127.0.0.1" port={8888} redirectUri={info.redirectUri} />);
    expectNames(busy, ...busyChoices(register));
    expectNames(adviceFor({ code: 'INVALID_GRANT', message: 'refused' }, info).next, register);
  });
});
