// Whole-process figures of `npm run bench`: start-up times and the first frame.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_ID, PROMPT, runInPty, shellQuote, shuffle, timedRun } from './lib.mjs';

/** A folder with a .spotifyrc pointing at `spotify` (only its URLs are used). */
async function configDir(ctx, name, spotify) {
  const dir = join(ctx.work, name);
  await mkdir(dir, { recursive: true });
  const config = {
    clientId: CLIENT_ID,
    redirectUri: 'http://127.0.0.1/callback',
    authUrl: spotify.authUrl,
    tokenUrl: spotify.tokenUrl,
    apiUrl: spotify.apiUrl,
  };
  await writeFile(join(dir, '.spotifyrc'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

/**
 * A folder as after a login and one `token` run: .spotifyrc, .pytify and its record .pytify.json
 * with a cached access token valid for an hour. The local Spotify is then closed, so a timed
 * `token` run that did not use the cache would fail (and the bench would say so).
 */
export async function prepareToken(ctx, spotify) {
  const dir = await configDir(ctx, 'token', spotify);
  await writeFile(
    join(dir, '.pytify'),
    spotify.issueRefreshToken(CLIENT_ID, ['user-read-private', 'user-modify-playback-state']),
    { mode: 0o600 },
  );
  const first = await timedRun(ctx.node, [ctx.cli, 'token'], { cwd: dir, env: ctx.env(dir) });
  if (first.code !== 0)
    return { unavailable: `token command failed (exit ${first.code}): ${first.stderr.trim().split('\n')[0]}` };
  if (!existsSync(join(dir, '.pytify.json'))) return { unavailable: 'token command wrote no record (.pytify.json)' };
  // The same files next to a YAML .spotifyrc, the format of .spotifyrc.example.
  const yamlDir = join(ctx.work, 'token-yaml');
  await mkdir(yamlDir, { recursive: true });
  for (const file of ['.pytify', '.pytify.json'])
    await cp(join(dir, file), join(yamlDir, file), { preserveTimestamps: true });
  const config = JSON.parse(await readFile(join(dir, '.spotifyrc'), 'utf8'));
  await writeFile(
    join(yamlDir, '.spotifyrc'),
    `# pytify-auth\n${Object.entries(config)
      .map(([key, value]) => `${key}: "${value}"`)
      .join('\n')}\n`,
  );
  return { dir, yamlDir, token: first.stdout };
}

/** Start-up: rounds of [floor, --version, --help, token] in a fresh order each round. */
export async function startup(ctx, token) {
  const home = join(ctx.work, 'plain');
  await mkdir(home, { recursive: true });
  const cases = [
    { key: 'floor', argv: ['-e', '0'], cwd: home, expect: (r) => r.stdout === '' },
    { key: 'version', argv: [ctx.cli, '--version'], cwd: home, expect: (r) => r.stdout === `${ctx.version}\n` },
    { key: 'help', argv: [ctx.cli, '--help'], cwd: home, expect: (r) => r.stdout.startsWith('pytify-auth ') },
  ];
  if (token.dir) {
    const expect = (r) => r.stdout === token.token && r.stderr === '';
    cases.push(
      { key: 'token', argv: [ctx.cli, 'token'], cwd: token.dir, expect },
      { key: 'tokenYaml', argv: [ctx.cli, 'token'], cwd: token.yamlDir, expect },
    );
  }
  const times = Object.fromEntries(cases.map((c) => [c.key, []]));
  for (let round = 0; round < ctx.plan.warmupRounds + ctx.plan.startupRounds; round += 1) {
    for (const c of shuffle(cases)) {
      const result = await timedRun(ctx.node, c.argv, { cwd: c.cwd, env: ctx.env(c.cwd) });
      if (result.code !== 0 || !c.expect(result))
        throw new Error(
          `${c.key}: unexpected result (exit ${result.code}): ${result.stdout.slice(0, 200)} ${result.stderr.slice(0, 400)}`,
        );
      if (round >= ctx.plan.warmupRounds) times[c.key].push(result.ms);
    }
  }
  return times;
}

/** First frame: spawn → the Enter prompt on screen, in a pseudo-terminal; then quit with q. */
export async function firstFrame(ctx, spotify) {
  const configured = await configDir(ctx, 'frame', spotify);
  const demo = join(ctx.work, 'frame-demo');
  await mkdir(demo, { recursive: true });
  const cases = [
    { key: 'ptyFloor', command: `${shellQuote(ctx.node)} -e 0`, cwd: configured },
    { key: 'frame', command: `${shellQuote(ctx.node)} ${shellQuote(ctx.cli)}`, cwd: configured, prompt: true },
    {
      key: 'frameDemo',
      command: `${shellQuote(ctx.node)} ${shellQuote(ctx.cli)} --demo --no-browser --token-file ${shellQuote(join(demo, '.pytify'))}`,
      cwd: demo,
      prompt: true,
    },
  ];
  const times = Object.fromEntries(cases.map((c) => [c.key, []]));
  for (let round = 0; round < 1 + ctx.plan.frameRounds; round += 1) {
    for (const c of shuffle(cases)) {
      const result = await runInPty(c.command, {
        cwd: c.cwd,
        env: ctx.env(c.cwd),
        text: c.prompt ? PROMPT : undefined,
        onText: (child) => child.stdin.write('q'),
      });
      if (c.prompt && result.textMs === undefined)
        throw new Error(`${c.key}: no "${PROMPT}" on screen:\n${result.output.slice(-1500)}`);
      // q quits the login screen: exit 1, "not authorized".
      if (result.code !== (c.prompt ? 1 : 0))
        throw new Error(`${c.key}: exit ${result.code}:\n${result.output.slice(-1500)}`);
      if (round > 0) times[c.key].push(c.prompt ? result.textMs : result.ms);
    }
  }
  return times;
}
