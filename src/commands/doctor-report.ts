import { maskClientId } from '../core/mask.js';
import { present, type Presentation } from '../core/present.js';
import { sanitize } from '../core/sanitize.js';
import type { Diagnosis } from './doctor-checks.js';
import { CONFIG_KEYS } from '../config/keys.js';
import type { Origin, ResolvedConfig, Values } from '../config/resolve.js';
import { SEARCH_PLACES, type SearchedDir } from '../config/search.js';
import { displayPath } from '../config/where.js';

const KEY_WIDTH = 15;
const VALUE_WIDTH = 46;

/** Why a candidate that exists was not used: passed over (empty), or never reached. */
function note(place: string, entry: SearchedDir): string {
  if (place === entry.used) return `${place} ← used`;
  if (entry.used && SEARCH_PLACES.indexOf(place) > SEARCH_PLACES.indexOf(entry.used))
    return `${place} (not read: ${entry.used} comes first)`;
  return place === 'package.json' ? 'package.json (no "spotify" key)' : `${place} (no settings)`;
}

function dirLine(entry: SearchedDir, width: number): string {
  const found = entry.present.map((place) => note(place, entry));
  return `    ${entry.dir.padEnd(width)}  ${found.length > 0 ? found.join(', ') : '-'}`;
}

/** Which file was read, and why that one: the upward search, directory by directory. */
function fileSection(resolved: ResolvedConfig): string[] {
  const { configFlag, fileLabel, found, searched, cwd, stopDir } = resolved;
  if (configFlag) return [`Config file: ${fileLabel ?? configFlag}`, '  named with --config, so nothing was searched.'];
  const width = Math.max(...searched.map((entry) => entry.dir.length));
  const places = SEARCH_PLACES.map((place) => (place === 'package.json' ? 'package.json ("spotify" key)' : place));
  return [
    `Config file: ${found ? fileLabel : 'none found'}`,
    `  Searched from ${cwd} up to ${stopDir}, nearest directory first, for the first of`,
    `  ${places.slice(0, 5).join(', ')},`,
    `  ${places.slice(5).join(', ')} that holds settings:`,
    ...searched.map((entry) => dirLine(entry, width)),
    ...(found ? [] : ['  Every setting comes from the environment, flags or defaults.']),
  ];
}

function originText(origin: Origin, resolved: ResolvedConfig): string {
  switch (origin.source) {
    case 'file':
      return `${resolved.fileLabel} ("${origin.name}")`;
    case 'env':
      return `environment ${origin.name}`;
    case 'flag':
      return `flag ${origin.name}`;
    case 'default':
      return 'default';
  }
}

/** Values as the user would write them; the secret never, the client id masked as on the login screen. */
function shown(key: keyof Values, values: Values, cwd: string): string {
  switch (key) {
    case 'tokenFile':
      return displayPath(values.tokenFile, cwd);
    case 'clientId':
      return values.clientId ? maskClientId(values.clientId) : '(missing)';
    case 'clientSecret':
      return values.clientSecret ? 'set (hidden)' : 'none: PKCE';
    case 'scopes':
      return values.scopes.length > 0 ? values.scopes.join(' ') : '(none)';
    case 'timeoutSeconds':
      return `${values.timeoutSeconds} s`;
    case 'showDialog':
    case 'openBrowser':
      return values[key] ? 'yes' : 'no';
    default:
      return String(values[key]);
  }
}

/** The file's keys in their usual order, then the settings only flags can change. */
const ORDER: Array<keyof Values> = [...CONFIG_KEYS, 'timeoutSeconds', 'showDialog', 'openBrowser'];

function settingsSection(resolved: ResolvedConfig): string[] {
  const rows = ORDER.map((key) => {
    const value = sanitize(shown(key, resolved.values, resolved.cwd), 500);
    const pad = value.length < VALUE_WIDTH ? value.padEnd(VALUE_WIDTH) : `${value} `;
    return `  ${(key === 'timeoutSeconds' ? 'timeout' : key).padEnd(KEY_WIDTH)}${pad} ${originText(resolved.origins[key], resolved)}`;
  });
  return ['Settings (a flag beats the environment, which beats the file, which beats the default)', ...rows];
}

/**
 * The whole report as text. By default plain, one line per item, so it can be pasted into an
 * issue; on a terminal (`how`) wrapped to its width and coloured as the login screen is.
 */
export async function formatDoctorReport(
  resolved: ResolvedConfig,
  diagnosis: Diagnosis,
  how: Presentation = {},
): Promise<string> {
  const lines = [
    ...fileSection(resolved),
    '',
    ...settingsSection(resolved),
    '',
    diagnosis.warnings.length > 0 ? 'Warnings' : 'Warnings: none',
    ...diagnosis.warnings.map((warning) => `  ⚠ ${warning}`),
    '',
    'Checks',
    ...diagnosis.checks.map((check) => `  ${check.ok ? '✔' : '✖'} ${check.text}`),
  ];
  // Every line may quote a config file's text (values, keys, paths): none reaches the terminal raw.
  const safe = lines.map((line) => sanitize(line, 2000));
  return `${await present(safe, how)}\n`;
}
