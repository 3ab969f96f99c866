import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../core/errors.js';
import { ENV } from '../config/keys.js';
import { resolveConfig, type ResolveOptions, type ResolvedConfig } from '../config/resolve.js';
import { expandHome } from '../config/search.js';
import { displayPath } from '../config/where.js';
import { configText, buildConfigData } from './config-content.js';
import { CLIENT_ID_PLACEHOLDER, SECRET_PLACEHOLDER, type GuideFacts } from './guide.js';

/** Everything the setup screens need to know before the user types anything. */
export interface SetupPlan extends GuideFacts {
  /** Absolute path of the file the answers are saved to. */
  readonly file: string;
  /** It exists already: saving replaces it, so the user is asked first. */
  readonly exists: boolean;
  /** Keys kept as they are (the edited file's own, or those carried over from `carriedFrom`). */
  readonly base: Readonly<Record<string, unknown>>;
  /** A config pytify-auth cannot rewrite (JavaScript, package.json); the new file comes first in the search. */
  readonly carriedFrom?: string;
  /** The file is YAML: saving rewrites it as JSON, and its comments are lost. */
  readonly rewritesYaml: boolean;
  /** What the fields start with: the file's current values (editing with `init`). */
  readonly current: { readonly clientId?: string; readonly clientSecret?: string };
  /** Environment variables that will still override what is saved. */
  readonly envOverrides: readonly string[];
  /** Config warnings worth showing on the setup screen (unknown keys, an http URL used as https). */
  readonly warnings: readonly string[];
}

/** JSON and YAML files are ours to rewrite; a program (.js) or someone else's file (package.json) is not. */
function rewritable(file: string): boolean {
  return path.basename(file) !== 'package.json' && ['', '.json', '.yaml', '.yml'].includes(path.extname(file));
}

const isRecord = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' && data !== null && !Array.isArray(data);

async function isYaml(file: string): Promise<boolean> {
  const text = await readFile(file, 'utf8').catch(() => '');
  if (text.trim() === '') return false;
  try {
    JSON.parse(text);
    return false;
  } catch {
    return true;
  }
}

/**
 * The settings carried from a file we cannot rewrite into the new .spotifyrc, so they stay in
 * effect once it shadows that file. A relative tokenFile meant "next to that file": made absolute.
 */
function carried(resolved: ResolvedConfig, home: string): Record<string, unknown> {
  const { settings } = resolved.file;
  const from = resolved.found?.file;
  const tokenFile =
    settings.tokenFile && from ? path.resolve(path.dirname(from), expandHome(settings.tokenFile, home)) : undefined;
  const { clientId: _id, clientSecret: _secret, ...rest } = settings;
  return { ...rest, ...(tokenFile ? { tokenFile } : {}) };
}

/**
 * Decides where the setup saves, and what it starts from:
 * - `--config <file>`: that file, created or edited;
 * - else the config file the search found, when it is JSON or YAML: the answers are added to it,
 *   so its other settings (redirect URI, token file…) keep working — a new .spotifyrc here would
 *   hide them, and the redirect URI the guide shows would not be the one the login then uses;
 * - else `.spotifyrc` in the current directory.
 * Throws ConfigError when the existing configuration is broken: that is for the user to fix.
 */
export async function prepareSetup(options: ResolveOptions): Promise<SetupPlan> {
  const resolved = await resolveConfig({ ...options, allowMissingConfigFile: true });
  const { found, configFlag, cwd, values } = resolved;
  if (configFlag && !rewritable(configFlag)) {
    throw new ConfigError(
      'CONFIG_INVALID',
      `${displayPath(configFlag, cwd)}: pytify-auth can save only JSON or YAML config files; add "clientId" ` +
        'to this one yourself, or name a .spotifyrc, .json or .yaml file with --config',
      { file: configFlag, key: 'clientId' },
    );
  }
  const edit = configFlag ?? (found && rewritable(found.file) ? found.file : undefined);
  if (edit && found?.aliased) {
    // Saving as JSON would expand every alias: a few hundred bytes of YAML can become gigabytes.
    throw new ConfigError(
      'CONFIG_INVALID',
      `${displayPath(edit, cwd)}: uses YAML aliases (&name / *name), which pytify-auth does not expand into a ` +
        'file it writes: add "clientId" to it yourself, or remove the aliases',
      { file: edit, key: 'clientId' },
    );
  }
  const file = edit ?? path.join(cwd, '.spotifyrc');
  const base = edit
    ? isRecord(found?.data)
      ? found.data
      : {}
    : found
      ? carried(resolved, options.homeDir ?? os.homedir())
      : {};
  const exists = existsSync(file);
  const { settings } = resolved.file;
  return {
    file,
    fileLabel: displayPath(file, cwd),
    exists,
    base,
    ...(found && !edit ? { carriedFrom: found.file } : {}),
    rewritesYaml: exists && (await isYaml(file)),
    current: {
      ...(settings.clientId ? { clientId: settings.clientId } : {}),
      ...(settings.clientSecret ? { clientSecret: settings.clientSecret } : {}),
    },
    envOverrides: [ENV.clientId, ENV.clientSecret].filter((name) => options.env[name]?.trim()),
    warnings: resolved.warnings.map((warning) => warning.message),
    // With --port already applied; a portless one is registered as is, the run adds a free port.
    redirectUri: values.redirectUri,
    // The secret is never printed: a placeholder marks where the file's own one goes.
    configText: configText(
      buildConfigData(base, {
        clientId: settings.clientId ?? CLIENT_ID_PLACEHOLDER,
        clientSecret: settings.clientSecret ? SECRET_PLACEHOLDER : '',
      }),
    ),
  };
}
