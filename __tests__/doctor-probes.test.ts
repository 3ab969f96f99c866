import { execFileSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { describe, expect, it } from '@jest/globals';
import { systemProbes } from '../src/commands/doctor-probes.js';
import { createProject } from './fixtures/config/project.js';
import { holdPort, closeServer } from './helpers/free-port.js';

describe('the real probes', () => {
  it('reads permission bits', async () => {
    const p = await createProject({ '.spotifyrc': '{}' });
    await chmod(p.at('.spotifyrc'), 0o640);
    expect(await systemProbes.fileMode(p.at('.spotifyrc'))).toBe(0o640);
    expect(await systemProbes.fileMode(p.at('missing'))).toBeUndefined();
    await p.cleanup();
  });

  it('asks git whether the token file is ignored, also before it exists', async () => {
    const p = await createProject({ 'repo/sub/x': '' });
    expect(await systemProbes.gitIgnore(p.at('repo', '.pytify'))).toBeUndefined();
    execFileSync('git', ['init', '-q', p.at('repo')]);
    expect(await systemProbes.gitIgnore(p.at('repo', 'sub', 'new', '.pytify'))).toEqual({
      workTree: p.at('repo'),
      ignored: false,
    });
    await writeFile(p.at('repo', '.gitignore'), '.pytify\n');
    expect(await systemProbes.gitIgnore(p.at('repo', 'sub', '.pytify'))).toEqual({
      workTree: p.at('repo'),
      ignored: true,
    });
    await p.cleanup();
  });

  it('tells a free port from a busy one', async () => {
    const { server, port } = await holdPort();
    expect(await systemProbes.port('127.0.0.1', port)).toBe('in-use');
    await closeServer(server);
    expect(await systemProbes.port('127.0.0.1', port)).toBe('free');
  });
});
