import { describe, expect, it } from '@jest/globals';
import { render } from 'ink-testing-library';
import type { Browser } from '../src/login/browser.js';
import type { SetupPlan } from '../src/setup/prepare.js';
import { SetupWriteError } from '../src/setup/write-config.js';
import { SetupApp, type SetupOutcome } from '../src/tui/setup/SetupApp.js';

// The stateful container with Ink's test renderer: keys in, effects (browser, save) recorded.
const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
const ENTER = '\r';
const ESC = '\u001B';
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Polls until `check` passes (Ink renders on a later tick, later still on a busy machine). */
async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
      await tick();
    }
  }
}

const plan: SetupPlan = {
  file: '/home/me/music/.spotifyrc',
  fileLabel: '.spotifyrc',
  exists: false,
  base: {},
  rewritesYaml: false,
  current: {},
  envOverrides: [],
  warnings: [],
  redirectUri: 'http://127.0.0.1:3000/callback',
  configText: '',
};

function mount(
  options: {
    plan?: Partial<SetupPlan>;
    save?: (content: string, replace: boolean) => Promise<void>;
    browser?: Browser;
  } = {},
) {
  const saves: Array<{ content: string; replace: boolean }> = [];
  const opened: string[] = [];
  const outcomes: SetupOutcome[] = [];
  const browser: Browser = options.browser ?? { open: async (url) => void opened.push(url) };
  const save =
    options.save ??
    (async (content: string, replace: boolean) => {
      saves.push({ content, replace });
    });
  const app = render(
    <SetupApp
      plan={{ ...plan, ...options.plan }}
      cwd="/home/me/music"
      browser={browser}
      save={save}
      onExit={(o) => outcomes.push(o)}
    />,
  );
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      app.stdin.write(key);
      await tick();
    }
  };
  return { ...app, saves, opened, outcomes, press };
}

describe('SetupApp', () => {
  it('an id, Enter, Enter (no secret): saves exactly the id without asking, then exits', async () => {
    const app = mount();
    await tick();
    await app.press(ID, ENTER);
    await eventually(() => expect(app.lastFrame()).toContain('Client secret'));
    await app.press(ENTER);
    await eventually(() => expect(app.saves).toEqual([{ content: `{\n  "clientId": "${ID}"\n}\n`, replace: false }]));
    await eventually(() => expect(app.outcomes).toEqual([{ written: '/home/me/music/.spotifyrc' }]));
    await eventually(() => expect(app.lastFrame()).toContain('✔ Saved .spotifyrc'));
  });

  it('a paste that arrives with its Enter in one chunk submits the pasted id', async () => {
    const app = mount();
    await tick();
    await app.press(`${ID}\r`);
    await tick();
    await eventually(() => expect(app.lastFrame()).toContain('Client secret'));
    expect(app.opened).toEqual([]);
    app.unmount();
  });

  it('Enter on the empty field opens the dashboard and says so', async () => {
    const app = mount();
    await tick();
    await app.press(ENTER);
    await eventually(() => expect(app.opened).toEqual(['https://developer.spotify.com/dashboard']));
    await eventually(() => expect(app.lastFrame()).toContain('✔ Opened the dashboard in your browser.'));
    app.unmount();
  });

  it('says when no browser could be opened', async () => {
    const app = mount({ browser: { open: async () => Promise.reject(new Error('no browser')) } });
    await tick();
    await app.press(ENTER);
    const advice = 'Could not open a browser: open https://developer.spotify.com/dashboard yourself.';
    await eventually(() => expect(app.lastFrame()).toContain(advice));
    app.unmount();
  });

  it('shows what is wrong while typing and does not accept it', async () => {
    const app = mount();
    await tick();
    await app.press('5f1c0ffeeg');
    await eventually(() => expect(app.lastFrame()).toContain('✖ "g" (character 10) is not allowed: only 0-9 and a-f'));
    await app.press(ENTER);
    expect(app.lastFrame()).not.toContain('Client secret');
    await app.press('\u007F', ENTER);
    await eventually(() => expect(app.lastFrame()).toContain('✖ 9 of 32 characters: not complete yet'));
    app.unmount();
  });

  it('three DELs in one read erase three characters', async () => {
    const app = mount();
    await tick();
    await app.press('5f1c0ffee');
    await eventually(() => expect(app.lastFrame()).toContain('› 5f1c0ffee'));
    await app.press('\u007F\u007F\u007F');
    await eventually(() => expect(app.lastFrame()).toMatch(/› 5f1c0f(?!f)/));
    expect(app.lastFrame()).toContain('6 of 32 characters');
    app.unmount();
  });

  it('Enter on an invalid id says it was refused, and why, instead of "Enter to continue"', async () => {
    const app = mount();
    await tick();
    await app.press(`${ID}ab`);
    await eventually(() => expect(app.lastFrame()).toContain('34 characters, 2 too many'));
    expect(app.lastFrame()).toContain('Press Enter to continue');
    await app.press(ENTER);
    await eventually(() => expect(app.lastFrame()).toContain('Enter refused: the Client ID above is not valid yet'));
    expect(app.lastFrame()).not.toContain('Press Enter to continue');
    expect(app.lastFrame()).not.toContain('Client secret');
    await app.press('\u007F\u007F');
    await eventually(() => expect(app.lastFrame()).toContain('Press Enter to continue'));
    app.unmount();
  });

  it('warns about the example-looking id 0123456789abcdef… (and still accepts it)', async () => {
    const app = mount();
    await tick();
    await app.press('0123456789abcdef0123456789abcdef');
    await eventually(() => expect(app.lastFrame()).toContain("⚠ This looks like an example id, not your app's"));
    await app.press(ENTER);
    await eventually(() => expect(app.lastFrame()).toContain('Client secret'));
    app.unmount();
  });

  it('masks the secret and saves it, asking first when the file exists; "n" goes back', async () => {
    const app = mount({ plan: { exists: true, base: { redirectUri: 'http://127.0.0.1/callback' } } });
    await tick();
    await app.press(ID, ENTER, 'abcdef0123456789abcdef0123456789');
    expect(app.lastFrame()).not.toContain('abcdef0123456789');
    await app.press(ENTER);
    await eventually(() =>
      expect(app.lastFrame()).toContain('.spotifyrc exists already. Save these settings into it?'),
    );
    await app.press('n');
    await eventually(() => expect(app.lastFrame()).toContain('Client secret'));
    await app.press(ENTER, 'y');
    const content = `{\n  "clientId": "${ID}",\n  "clientSecret": "abcdef0123456789abcdef0123456789",\n  "redirectUri": "http://127.0.0.1/callback"\n}\n`;
    await eventually(() => expect(app.saves).toEqual([{ content, replace: true }]));
    await eventually(() => expect(app.outcomes).toEqual([{ written: '/home/me/music/.spotifyrc' }]));
  });

  it('a file that appeared before the save: shows it, and saving again asks first', async () => {
    let calls = 0;
    const app = mount({
      save: async (_content, replace) => {
        calls += 1;
        if (!replace) throw new SetupWriteError('FILE_EXISTS', '/home/me/music/.spotifyrc already exists');
      },
    });
    await tick();
    await app.press(ID, ENTER, ENTER);
    await eventually(() => expect(app.lastFrame()).toContain('✖ /home/me/music/.spotifyrc already exists'));
    await app.press(ENTER);
    await eventually(() => expect(app.lastFrame()).toContain('exists already. Save these settings into it?'));
    await app.press('y');
    await eventually(() => expect(calls).toBe(2));
    await eventually(() => expect(app.outcomes).toEqual([{ written: '/home/me/music/.spotifyrc' }]));
  });

  it('Esc on the first field cancels without saving', async () => {
    const app = mount();
    await tick();
    await app.press('abc', ESC);
    await tick();
    await eventually(() => expect(app.outcomes).toEqual([{ cancelled: true }]));
    expect(app.saves).toEqual([]);
    await eventually(() => expect(app.lastFrame()).toContain('Setup cancelled: nothing was saved.'));
  });

  it('editing (init): the fields start with the current values, and Enter keeps them', async () => {
    const app = mount({
      plan: { exists: true, current: { clientId: ID, clientSecret: 'fedcba9876543210fedcba9876543210' } },
    });
    await tick();
    await eventually(() => expect(app.lastFrame()).toContain(`› ${ID}`));
    await app.press(ENTER);
    await eventually(() => expect(app.lastFrame()).toContain('•'.repeat(32)));
    await app.press(ENTER, 'y');
    await eventually(() =>
      expect(app.saves[0]?.content).toContain('"clientSecret": "fedcba9876543210fedcba9876543210"'),
    );
  });
});
