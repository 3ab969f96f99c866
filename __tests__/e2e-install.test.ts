import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT, tempDir } from './helpers/e2e.js';

const run = promisify(execFile);
const npm = (args: string[], cwd: string) =>
  run('npm', args, { cwd, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' } });

// The tarball as a user installs it: `npm install -g ./pytify-auth-*.tgz`, offline (no dependencies).
describe('installing the packed tarball', () => {
  it('prints no warning of ours, and the installed bin runs', async () => {
    const packed = await tempDir('pytify-pack-');
    // --ignore-scripts: pack the dist/ this run tested, without prepack rebuilding it under the other tests.
    await npm(['pack', '--ignore-scripts', '--silent', '--pack-destination', packed], ROOT);
    const [tarball] = (await readdir(packed)).filter((name) => name.endsWith('.tgz'));
    expect(tarball).toMatch(/^pytify-auth-.*\.tgz$/);
    const { stdout: manifest } = await run('tar', ['-xzOf', join(packed, tarball!), 'package/package.json']);
    // npm counts `prepare` of a tarball as an install script to approve; scripts/ is not shipped anyway.
    expect(JSON.parse(manifest).scripts).not.toHaveProperty('prepare');
    const prefix = await tempDir('pytify-prefix-');
    const installed = await npm(['install', '-g', '--offline', '--prefix', prefix, `./${tarball}`], packed);
    expect(installed.stderr).toBe('');
    const { stdout } = await run(join(prefix, 'bin', 'pytify-auth'), ['--version']);
    expect(stdout.trim()).toBe(JSON.parse(manifest).version);
  });

  it("npm ci has no dependency install scripts left to review (package.json's allowScripts)", async () => {
    const { stdout } = await npm(['install-scripts', 'ls'], ROOT);
    expect(stdout).toContain('No packages with unreviewed install scripts.');
  });
});
