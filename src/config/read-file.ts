import path from 'node:path';
import type { defaultLoaders } from 'cosmiconfig';
import { readText } from '../core/file-reads.js';
import { ConfigError } from '../core/errors.js';
import { shortReason } from './short-reason.js';
import { NOT_SIMPLE, parseSimpleYaml } from './simple-yaml.js';
import { displayPath } from './where.js';

/** Dedicated files first: if a directory has both, `.spotifyrc` beats package.json. */
export const SEARCH_PLACES = [
  '.spotifyrc',
  '.spotifyrc.json',
  '.spotifyrc.yaml',
  '.spotifyrc.yml',
  'spotify.config.js',
  'spotify.config.mjs',
  'package.json',
];

/** cosmiconfig's own parsers (JSON, YAML for extensionless files too, JS via import()); no TypeScript. */
const LOADERS: Readonly<Record<string, keyof typeof defaultLoaders>> = {
  '': 'noExt',
  '.json': '.json',
  '.yaml': '.yaml',
  '.yml': '.yml',
  '.js': '.js',
  '.mjs': '.mjs',
  '.cjs': '.cjs',
};

const NOT_PLAIN_JSON = Symbol('not plain JSON');

/**
 * `pytify-auth token` may run before every API call, and loading cosmiconfig with js-yaml costs
 * about 8 ms of its start-up: a file that is plain JSON (as the setup guide writes) is parsed here
 * instead, to exactly what cosmiconfig's loader returns. For the .json loader that is JSON.parse
 * itself. The YAML loaders (extensionless and .yaml files) read JSON the same way, except for
 * repeated keys and a line break between a key and its colon (js-yaml rejects both) and some
 * numbers (js-yaml reads -0 as 0 and 1e400 as a string): a file with any of these is left to the
 * YAML readers (simple-yaml.ts, then js-yaml), errors included. No setting is a number.
 */
function parsePlainJson(content: string, yamlLoader: boolean): unknown {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return NOT_PLAIN_JSON;
  }
  if (!yamlLoader) return data;
  const parsed = { keys: 0, numbers: 0 };
  count(data, parsed);
  return parsed.numbers > 0 || parsed.keys !== keysOnOneLine(content) ? NOT_PLAIN_JSON : data;
}

function count(value: unknown, into: { keys: number; numbers: number }): void {
  if (typeof value === 'number') into.numbers += 1;
  if (typeof value !== 'object' || value === null) return;
  if (!Array.isArray(value)) into.keys += Object.keys(value).length;
  for (const item of Object.values(value)) count(item, into);
}

/** Keys in valid JSON text (the strings followed by a colon); -1 if a line break precedes a colon. */
function keysOnOneLine(json: string): number {
  let keys = 0;
  for (let i = 0; i < json.length; i += 1) {
    if (json[i] !== '"') continue;
    for (i += 1; json[i] !== '"'; i += 1) if (json[i] === '\\') i += 1;
    let next = i + 1;
    let lineBreak = false;
    for (; json[next] === ' ' || json[next] === '\t' || json[next] === '\n' || json[next] === '\r'; next += 1) {
      lineBreak ||= json[next] === '\n' || json[next] === '\r';
    }
    if (json[next] !== ':') continue;
    if (lineBreak) return -1;
    keys += 1;
  }
  return keys;
}

/**
 * cosmiconfig's YAML loader is `yaml.load` from its own js-yaml, with the file named in errors:
 * the same call here, without loading cosmiconfig and its other loaders (about 6 ms of `token`).
 */
async function loadYaml(file: string, content: string): Promise<unknown> {
  const yaml = await import('js-yaml');
  try {
    return yaml.load(content);
  } catch (error) {
    if (error instanceof Error) error.message = `YAML Error in ${file}:\n${error.message}`;
    throw error;
  }
}

async function parseContent(extension: string, file: string, content: string): Promise<unknown> {
  const loader = LOADERS[extension]!;
  const yamlLoader = loader === 'noExt' || loader === '.yaml' || loader === '.yml';
  if (yamlLoader || loader === '.json') {
    const data = parsePlainJson(content, yamlLoader);
    if (data !== NOT_PLAIN_JSON) return data;
  }
  if (yamlLoader) {
    const data = parseSimpleYaml(content);
    return data === NOT_SIMPLE ? loadYaml(file, content) : data;
  }
  // cosmiconfig is CommonJS: its exports object is the default export, in Node and in the bundle.
  const { defaultLoaders: loaders } = (await import('cosmiconfig')).default;
  return loaders[loader](file, content);
}

export interface FoundConfig {
  /** Absolute path. */
  file: string;
  /** What the file holds (undefined when empty); checked by `readSettings`. */
  data: unknown;
}

/** The directories searched: `from`, then each parent up to and including `stopDir` (or /). */
export function searchDirs(from: string, stopDir: string): string[] {
  const dirs = [from];
  let current = from;
  while (current !== stopDir) {
    const parent = path.dirname(current);
    if (parent === current) break;
    dirs.push(parent);
    current = parent;
  }
  return dirs;
}

/**
 * The first place holding settings, nearest first. Like cosmiconfig's search, an empty file or a
 * package.json without a "spotify" key does not count; unlike its `global` strategy, nothing is
 * read from ~/.config/spotify/, which belongs to the Spotify desktop client.
 */
export async function searchConfigFile(from: string, stopDir: string, cwd: string): Promise<FoundConfig | undefined> {
  for (const dir of searchDirs(path.resolve(from), path.resolve(stopDir))) {
    for (const place of SEARCH_PLACES) {
      const file = path.join(dir, place);
      const found = await readPlace(file, cwd, true);
      if (found && found.data !== undefined) return found;
    }
  }
  return undefined;
}

/** `--config <file>`: exactly this file, which must exist and parse (it may be empty). */
export async function loadConfigFile(file: string, cwd: string): Promise<FoundConfig> {
  return (await readPlace(file, cwd, false)) ?? { file, data: undefined };
}

const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'EACCES', 'EPERM']);

async function readPlace(file: string, cwd: string, searching: boolean): Promise<FoundConfig | undefined> {
  let content: string;
  try {
    content = await readText(file);
  } catch (error) {
    // While searching, an unreadable candidate is skipped, as cosmiconfig does.
    if (searching && ABSENT.has(String((error as { code?: unknown }).code))) return undefined;
    throw await readError(error, file, cwd);
  }
  if (content.trim() === '') return { file, data: undefined };
  const extension = path.extname(file);
  if (!Object.hasOwn(LOADERS, extension)) {
    const what =
      extension === '.ts' || extension === '.mts' || extension === '.cts'
        ? 'TypeScript config files are'
        : `"${extension}" files are`;
    throw new ConfigError(
      'CONFIG_INVALID',
      `${displayPath(file, cwd)}: ${what} not supported (use .spotifyrc, .json, .yaml, .yml, .js or .mjs)`,
      { file },
    );
  }
  try {
    const data: unknown = await parseContent(extension, file, content);
    if (path.basename(file) !== 'package.json') return { file, data: data ?? undefined };
    const settings = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).spotify : undefined;
    return { file, data: settings ?? undefined };
  } catch (error) {
    throw await readError(error, file, cwd);
  }
}

async function readError(error: unknown, file: string, cwd: string): Promise<ConfigError> {
  const code = (error as { code?: unknown }).code;
  const reason =
    code === 'ENOENT'
      ? 'file not found'
      : code === 'EISDIR'
        ? 'is a directory, not a file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : `cannot be read: ${await locate(shortReason(String((error as Error)?.message ?? error)), file)}`;
  return new ConfigError('CONFIG_INVALID', `${displayPath(file, cwd)}: ${reason}`, { file });
}

/** JSON parsers report an offset; people look for a line and column. */
async function locate(reason: string, file: string): Promise<string> {
  const match = / at position (\d+)/.exec(reason);
  if (!match || /line \d+/.test(reason)) return reason;
  const content = await readText(file).catch(() => undefined);
  if (content === undefined) return reason;
  const before = content.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return reason.replace(match[0], ` at line ${line} column ${column}`);
}
