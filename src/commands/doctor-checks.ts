import { existsSync } from 'node:fs';
import path from 'node:path';
import { checkClientId } from '../setup/credentials.js';
import type { DoctorProbes } from './doctor-probes.js';
import { ENV } from '../config/keys.js';
import type { ResolvedConfig } from '../config/resolve.js';
import { parseRedirectUri } from '../config/redirect-uri.js';
import { portBusySentence, registerUriFor } from '../config/guidance.js';
import { tokenDirProblem } from '../config/token-dir.js';
import { trustedUpTo } from '../config/trust.js';
import { privateFileWarnings } from '../token/file-mode.js';

export interface Check {
  readonly ok: boolean;
  readonly text: string;
}

export interface Diagnosis {
  readonly warnings: string[];
  readonly checks: Check[];
}

async function secretFileWarning(resolved: ResolvedConfig, probes: DoctorProbes): Promise<string | undefined> {
  const { found, fileLabel, file } = resolved;
  if (!found || !file.settings.clientSecret) return undefined;
  const mode = await probes.fileMode(found.file);
  if (mode === undefined || (mode & 0o044) === 0) return undefined;
  const who = mode & 0o004 ? 'every user on this computer' : "the file's group";
  return (
    `${fileLabel} holds the client secret and is readable by ${who} (mode ${mode.toString(8).padStart(4, '0')}): ` +
    `run "chmod 600 ${found.file}", or remove the secret and use PKCE.`
  );
}

async function gitWarning(tokenFile: string, probes: DoctorProbes): Promise<string | undefined> {
  const git = await probes.gitIgnore(tokenFile);
  if (!git || git.ignored) return undefined;
  const entry = path.relative(git.workTree, tokenFile).split(path.sep).join('/');
  return (
    `The token file ${tokenFile} is inside the git work tree ${git.workTree} and not ignored: ` +
    `add "${entry}" to ${path.join(git.workTree, '.gitignore')} so the refresh token is never committed.`
  );
}

async function portCheck(redirectUri: string, probes: DoctorProbes): Promise<Check> {
  const { host, port } = parseRedirectUri(redirectUri);
  if (port === 0) {
    return {
      ok: true,
      text: `The redirect URI has no port: any free port is taken at run time (register ${registerUriFor(redirectUri)}).`,
    };
  }
  const status = await probes.port(host, port);
  if (status === 'free') return { ok: true, text: `Port ${port} on ${host} is free for the callback.` };
  // The login names the holder when Linux's /proc tells; so does doctor, from the same lookup.
  const holder = status === 'in-use' ? await probes.portHolder?.(port) : undefined;
  const user = holder ? `${holder.command} (pid ${holder.pid})` : 'another program';
  const why = status === 'in-use' ? `is in use by ${user}` : 'cannot be listened on (permission denied)';
  return {
    ok: false,
    text: `Port ${port} on ${host} ${why}: ${portBusySentence(redirectUri)}`,
  };
}

/**
 * The ownership checks every command makes (a failed one stops it before this report): shown so
 * a user sees what was checked, not only that nothing was said.
 */
async function trustChecks(resolved: ResolvedConfig): Promise<Check[]> {
  const { found, fileLabel, home, values } = resolved;
  const dir = path.dirname(values.tokenFile);
  const tokenDir = await tokenDirProblem(values.tokenFile);
  return [
    ...(found
      ? [
          {
            ok: true,
            text: `${fileLabel} is yours (or root's), and nobody else can write it or a directory above it up to ${trustedUpTo(found.file, home)}.`,
          },
        ]
      : []),
    // A writable one is a warning above; one that belongs to another user stops every command.
    ...(tokenDir || !existsSync(dir)
      ? []
      : [{ ok: true, text: `The token file's directory ${dir} is yours, and nobody else can write to it.` }]),
  ];
}

/** The warnings and checks of `pytify-auth doctor`, beyond what loading the config already says. */
export async function diagnose(resolved: ResolvedConfig, probes: DoctorProbes): Promise<Diagnosis> {
  const { values } = resolved;
  const idCheck = values.clientId === undefined ? undefined : checkClientId(values.clientId);
  const warnings = [
    ...resolved.warnings.map((warning) => warning.message),
    ...(idCheck && !idCheck.ok
      ? [`The client id does not look like a Spotify Client ID (32 characters, 0-9 and a-f): ${idCheck.problem}.`]
      : []),
    await secretFileWarning(resolved, probes),
    await gitWarning(values.tokenFile, probes),
    ...(await privateFileWarnings(values.tokenFile)),
  ].filter((warning): warning is string => warning !== undefined);
  const clientIdCheck: Check = values.clientId
    ? { ok: true, text: 'A client id is configured.' }
    : {
        ok: false,
        text: `No client id is configured: run pytify-auth (or pytify-auth init) to set one up, or set ${ENV.clientId}.`,
      };
  return {
    warnings,
    checks: [clientIdCheck, ...(await trustChecks(resolved)), await portCheck(values.redirectUri, probes)],
  };
}
