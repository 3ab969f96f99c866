import { describe, expect, it } from '@jest/globals';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { ConfirmStep } from '../src/tui/setup/ConfirmStep.js';
import { SaveStatus } from '../src/tui/setup/SaveStatus.js';
import { CheckLine } from '../src/tui/setup/TextField.js';
import { ConfigErrorView, configErrorViewProps } from '../src/tui/ConfigErrorView.js';
import { ConfigError } from '../src/core/errors.js';

const frameOf = (node: ReactElement): string => {
  const { lastFrame, unmount } = render(node);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

describe('the setup confirmation and its end, in a narrow terminal', () => {
  it('the kept keys are a sentence, not a row that reads like a key named "unchanged"', () => {
    const props = { fileLabel: '.spotifyrc', clientId: 'x', hasSecret: false, rewritesYaml: false };
    const kept = frameOf(<ConfirmStep {...props} kept={['scopes']} />);
    expect(kept).not.toMatch(/unchanged/);
    expect(kept).toContain('  Kept as they are: scopes.');
    expect(frameOf(<ConfirmStep {...props} kept={[]} />)).toContain('  The file has no other settings.');
  });

  it.each([40, 60])('at %i columns, "✔ Saved …" wraps under its text, not under the sign', (width) => {
    const frame = frameOf(
      <Box width={width}>
        <SaveStatus step="saved" fileLabel="/home/someone/music/player/.spotifyrc" hasSecret={false} />
      </Box>,
    );
    const lines = frame.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]).toMatch(/^✔ Saved/);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
    expect(lines.map((line) => line.trim()).join(' ')).toContain('no secret, the login uses PKCE.');
  });

  it.each([100, 60])('at %i columns, the ✖ client-id problem of the setup field wraps under its text', (width) => {
    const check = {
      ok: false as const,
      incomplete: false,
      problem:
        'a Client ID is 32 characters of 0-9 and a-f; "m" (character 1) is not allowed, and this one has 40 characters',
    };
    const lines = frameOf(
      <Box width={width - 20}>
        <CheckLine check={check} rejected valid="looks like a Client ID" />
      </Box>,
    )
      .split('\n')
      .filter((line) => line !== '');
    expect(lines[0]).toMatch(/^✖ a Client ID/);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {2}\S/);
  });

  it('a failed save wraps under its text too', () => {
    const error = 'could not write /home/someone/music/player/.spotifyrc: permission denied (EACCES)';
    const lines = frameOf(
      <Box width={40}>
        <SaveStatus step="save-failed" fileLabel=".spotifyrc" error={error} />
      </Box>,
    ).split('\n');
    expect(lines[0]).toMatch(/^✖ could not/);
    expect(lines[1]).toMatch(/^ {2}\S/);
  });

  it('the login screen lists each wrong value of the config with its own ✖, wrapped under its text', () => {
    const message = [
      '.spotifyrc.json: "clientId" must be a string (got number); write it as a string in quotes: "clientId": "…"',
      '.spotifyrc.json: "tokenFile" must be a string (got boolean); write it as a string in quotes: "tokenFile": "…"',
      '.spotifyrc.json: "scopes" must be a list of strings or a space-separated string (got number)',
    ].join('\n');
    const error = new ConfigError('CONFIG_INVALID', message, { file: '/p/.spotifyrc.json', key: 'clientId' });
    const lines = frameOf(
      <Box width={60}>
        <ConfigErrorView {...configErrorViewProps(error, [])} />
      </Box>,
    ).split('\n');
    expect(lines.filter((line) => line.startsWith('✖ '))).toHaveLength(3);
    expect(lines.join('\n')).not.toContain('\\x0a');
    const first = lines.findIndex((line) => line.startsWith('✖ '));
    expect(lines[first + 1]).toMatch(/^ {2}\S/);
  });
});
