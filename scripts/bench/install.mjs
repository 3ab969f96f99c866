// The install figures of `npm run bench`: the packed size, its manifest, `npm install -g` time.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { timedRun } from './lib.mjs';

/** npm pack into a folder, check the packed manifest, then time `npm install -g` of the tarball. */
export async function install(ctx) {
  const npm = process.env.npm_execpath ? [ctx.node, [process.env.npm_execpath]] : ['npm', []];
  const packDir = join(ctx.work, 'pack');
  await mkdir(packDir, { recursive: true });
  const packed = spawnSync(npm[0], [...npm[1], 'pack', '--json', '--ignore-scripts', '--pack-destination', packDir], {
    cwd: ctx.app,
    encoding: 'utf8',
  });
  if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
  const info = JSON.parse(packed.stdout)[0];
  const tarball = join(packDir, info.filename);
  const manifest = JSON.parse(
    spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout,
  );
  const runtimeDeps = [
    'dependencies',
    'optionalDependencies',
    'peerDependencies',
    'bundleDependencies',
    'bundledDependencies',
  ].flatMap((field) => Object.keys(manifest[field] ?? {}).map((name) => `${field}: ${name}`));
  const times = [];
  for (let run = 0; run < ctx.plan.installRuns; run += 1) {
    const prefix = join(ctx.work, `global-${run}`);
    const result = await timedRun(
      npm[0],
      [
        ...npm[1],
        'install',
        '-g',
        tarball,
        '--prefix',
        prefix,
        '--cache',
        join(ctx.work, 'npm-cache'),
        '--offline',
        '--no-audit',
        '--no-fund',
        '--no-update-notifier',
        '--loglevel',
        'error',
      ],
      { cwd: ctx.work, env: { ...process.env, npm_config_userconfig: join(ctx.work, 'no-npmrc') } },
    );
    if (result.code !== 0) throw new Error(`npm install -g failed: ${result.stderr}`);
    const installed = spawnSync(join(prefix, 'bin', 'pytify-auth'), ['--version'], {
      encoding: 'utf8',
      env: ctx.env(ctx.work),
    });
    if (installed.stdout !== `${ctx.version}\n`)
      throw new Error(`the installed pytify-auth does not run: ${installed.stderr}`);
    times.push(result.ms);
  }
  return { size: info.size, unpackedSize: info.unpackedSize, files: info.entryCount, runtimeDeps, times };
}
