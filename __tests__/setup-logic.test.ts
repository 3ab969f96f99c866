import { describe, expect, it } from '@jest/globals';
import { chmod, lstat, readFile, readdir, symlink } from 'node:fs/promises';
import { buildConfigData, configText, keptKeys } from '../src/setup/config-content.js';
import {
  initialSetupState,
  keyAction,
  reduceSetup,
  type KeyInfo,
  type SetupAction,
  type SetupState,
} from '../src/setup/setup-state.js';
import { SetupWriteError, writeConfigFile } from '../src/setup/write-config.js';
import { createProject } from './fixtures/config/project.js';

const ID = '5f1c0ffee5f1c0ffee5f1c0ffee5f1c0';
const SECRET = '0123456789abcdef0123456789abcdef';
const NO_KEY: KeyInfo = { return: false, escape: false, backspace: false, delete: false, ctrl: false, meta: false };
const key = (changes: Partial<KeyInfo>, input = ''): SetupAction => ({
  type: 'key',
  input,
  key: { ...NO_KEY, ...changes },
});
const type = (text: string): SetupAction => key({}, text);
const ENTER = key({ return: true });
const ESC = key({ escape: true });
const run = (state: SetupState, ...actions: SetupAction[]): SetupState => actions.reduce(reduceSetup, state);
const fresh = (askBeforeSaving = false) => initialSetupState({ askBeforeSaving });

describe('the setup reducer', () => {
  it('takes an id and no secret to "saving" in two Enters', () => {
    const state = run(fresh(), type(ID), ENTER, ENTER);
    expect(state).toMatchObject({ step: 'saving', clientId: ID, clientSecret: '' });
  });

  it('Enter on an empty id opens the dashboard instead, once at a time', () => {
    const opening = run(fresh(), ENTER);
    expect(opening).toMatchObject({ step: 'client-id', dashboard: 'opening' });
    expect(run(opening, ENTER)).toBe(opening);
    expect(run(opening, { type: 'dashboard', status: 'opened' }, ENTER).dashboard).toBe('opening');
  });

  it('refuses an invalid id on Enter and forgets the refusal when the user types again', () => {
    const refused = run(fresh(), type('abc'), ENTER);
    expect(refused).toMatchObject({ step: 'client-id', rejected: true });
    expect(run(refused, type('d')).rejected).toBe(false);
  });

  it('keeps only what belongs in a credential from a paste (spaces, tabs), and takes its line break as Enter', () => {
    expect(run(fresh(), type(` ${ID.slice(0, 16)}\t${ID.slice(16)} `)).clientId).toBe(ID);
    expect(run(fresh(), type(`${ID}\r\n`))).toMatchObject({ step: 'secret', clientId: ID });
    expect(run(fresh(), type(`${ID.slice(0, 5)}\nrest`))).toMatchObject({
      step: 'client-id',
      clientId: ID.slice(0, 5),
      rejected: true,
    });
  });

  it('edits with Backspace, Delete (0x7f) and Ctrl-U, and ignores other control keys', () => {
    const typed = run(fresh(), type('abcd'));
    expect(run(typed, key({ backspace: true })).clientId).toBe('abc');
    expect(run(typed, key({ delete: true })).clientId).toBe('abc');
    expect(run(typed, key({ ctrl: true }, 'u')).clientId).toBe('');
    expect(run(typed, key({ ctrl: true }, 'a'), key({ meta: true }, 'x'), key({}, '')).clientId).toBe('abcd');
  });

  it('refuses a bad secret, accepts an empty one (PKCE), and goes back with Esc', () => {
    const atSecret = run(fresh(), type(ID), ENTER);
    expect(run(atSecret, type('xyz'), ENTER)).toMatchObject({ step: 'secret', rejected: true });
    expect(run(atSecret, ESC)).toMatchObject({ step: 'client-id', clientId: ID });
    expect(run(atSecret, type(SECRET), ENTER)).toMatchObject({ step: 'saving', clientSecret: SECRET });
  });

  it('asks before replacing a file: only "y" saves, "n" and Esc go back', () => {
    const confirm = run(fresh(true), type(ID), ENTER, ENTER);
    expect(confirm.step).toBe('confirm');
    expect(run(confirm, ENTER, type('x')).step).toBe('confirm');
    expect(run(confirm, type('n')).step).toBe('secret');
    expect(run(confirm, ESC).step).toBe('secret');
    expect(run(confirm, type('Y')).step).toBe('saving');
  });

  it('a file that appeared meanwhile turns the retry into a question', () => {
    const failed = run(fresh(), type(ID), ENTER, ENTER, {
      type: 'save-failed',
      message: '.spotifyrc already exists',
      fileExists: true,
    });
    expect(failed).toMatchObject({ step: 'save-failed', error: '.spotifyrc already exists' });
    expect(run(failed, ENTER).step).toBe('confirm');
  });

  it('cancels with Esc on the first field or Ctrl-C anywhere, but not in the middle of a save', () => {
    expect(run(fresh(), ESC).step).toBe('cancelled');
    expect(run(fresh(), type(ID), ENTER, key({ ctrl: true }, 'c')).step).toBe('cancelled');
    const saving = run(fresh(), type(ID), ENTER, ENTER);
    expect(run(saving, key({ ctrl: true }, 'c')).step).toBe('saving');
    expect(run(saving, { type: 'saved' }, type('x'), ESC).step).toBe('saved');
  });

  it('maps keys on the newest state, so a paste and its Enter in one chunk submit the pasted id', () => {
    const afterPaste = reduceSetup(fresh(), type(ID));
    expect(keyAction(afterPaste, '', { ...NO_KEY, return: true })).toEqual({ type: 'submit' });
    expect(run(fresh(), type(ID), ENTER).step).toBe('secret');
  });
});

describe('the config content', () => {
  it('holds only the keys the user gave on a first run', () => {
    expect(configText(buildConfigData({}, { clientId: ID, clientSecret: '' }))).toBe(`{\n  "clientId": "${ID}"\n}\n`);
    expect(buildConfigData({}, { clientId: ID, clientSecret: SECRET })).toEqual({ clientId: ID, clientSecret: SECRET });
  });

  it('keeps every other key of an edited file, and replaces every spelling of the two it sets', () => {
    const base = {
      client_id: 'old',
      client_secret: 'old-secret',
      redirectUri: 'http://127.0.0.1/callback',
      color: 'blue',
    };
    expect(buildConfigData(base, { clientId: ID, clientSecret: '' })).toEqual({
      clientId: ID,
      redirectUri: 'http://127.0.0.1/callback',
      color: 'blue',
    });
    expect(keptKeys(base)).toEqual(['redirectUri', 'color']);
  });
});

describe('writing the config file', () => {
  it('creates it with mode 0600 and leaves no temporary file behind', async () => {
    const p = await createProject();
    await writeConfigFile(p.at('.spotifyrc'), '{}\n', { replace: false });
    expect((await lstat(p.at('.spotifyrc'))).mode & 0o777).toBe(0o600);
    expect(await readdir(p.root)).toEqual(['.spotifyrc']);
    await p.cleanup();
  });

  it('never replaces an existing file unless told to, and then makes it 0600', async () => {
    const p = await createProject({ '.spotifyrc': 'clientId: mine\n' });
    await chmod(p.at('.spotifyrc'), 0o644);
    const refused = await writeConfigFile(p.at('.spotifyrc'), '{}\n', { replace: false }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(SetupWriteError);
    expect((refused as SetupWriteError).code).toBe('FILE_EXISTS');
    expect(await readFile(p.at('.spotifyrc'), 'utf8')).toBe('clientId: mine\n');
    expect(await readdir(p.root)).toEqual(['.spotifyrc']);
    await writeConfigFile(p.at('.spotifyrc'), '{}\n', { replace: true });
    expect(await readFile(p.at('.spotifyrc'), 'utf8')).toBe('{}\n');
    expect((await lstat(p.at('.spotifyrc'))).mode & 0o777).toBe(0o600);
    await p.cleanup();
  });

  it('refuses to write through a symbolic link, and names the file when the folder is missing', async () => {
    const p = await createProject({ 'elsewhere.json': '{}' });
    await symlink(p.at('elsewhere.json'), p.at('.spotifyrc'));
    const linked = await writeConfigFile(p.at('.spotifyrc'), '{"clientId":"x"}', { replace: true }).catch(
      (e: unknown) => e,
    );
    expect((linked as SetupWriteError).code).toBe('WRITE_FAILED');
    expect(await readFile(p.at('elsewhere.json'), 'utf8')).toBe('{}');
    const missing = await writeConfigFile(p.at('no/such/dir/.spotifyrc'), '{}', { replace: false }).catch(
      (e: unknown) => e,
    );
    expect((missing as SetupWriteError).message).toBe(`Could not write ${p.at('no/such/dir/.spotifyrc')} (ENOENT)`);
    await p.cleanup();
  });
});
