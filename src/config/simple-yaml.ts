// A YAML reader for the one shape a .spotifyrc usually has (.spotifyrc.example's): top-level
// `key: value` lines, lists of `- value` items, comments. js-yaml costs about 4 ms to load, and
// `pytify-auth token` may run before every API call. Anything outside this shape, or any value
// js-yaml would not read as a string (null, true, 3000, 2026-01-01, ~…), is NOT_SIMPLE, and
// read-file.ts gives the file to js-yaml, errors included. What it does return must be exactly
// what js-yaml returns: __tests__/simple-yaml.test.ts compares the two on generated documents.

export const NOT_SIMPLE = Symbol('not simple YAML');

type Simple = Record<string, string | string[]>;

const KEY = '([A-Za-z_][A-Za-z0-9_]*)';
/**
 * Double-quoted without escapes, single-quoted without '' (printable ASCII only), or a plain word
 * that starts like no number, date or null (checked further in plainString).
 */
const VALUE = String.raw`("[ !#-\[\]-~]*"|'[ -&(-~]*'|[A-Za-z_./~][A-Za-z0-9_./:~@+=%-]*)`;
/** What may follow a value: spaces, then a comment that starts after a space. */
const TAIL = String.raw`(?: +#.*)? *`;
const PAIR = new RegExp(`^${KEY}: +${VALUE}${TAIL}$`);
const LIST_KEY = new RegExp(`^${KEY}:${TAIL}$`);
const ITEM = new RegExp(`^( *)- +${VALUE}${TAIL}$`);
const BLANK_OR_COMMENT = /^ *(#.*)?$/;
/**
 * Printable ASCII and line feeds, plus printable non-ASCII text other than Unicode's line and
 * paragraph separators and the byte-order mark (comments may have it; values never do).
 */
const OUTSIDE_SHAPE = /[^\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]/;
const NOT_A_STRING =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|\.(?:inf|Inf|INF|nan|NaN|NAN)|\.[0-9].*|.*:)$/;

function scalar(text: string): string | typeof NOT_SIMPLE {
  if (text.startsWith('"') || text.startsWith("'")) return text.slice(1, -1);
  return NOT_A_STRING.test(text) ? NOT_SIMPLE : text;
}

export function parseSimpleYaml(text: string): Simple | typeof NOT_SIMPLE {
  if (OUTSIDE_SHAPE.test(text)) return NOT_SIMPLE;
  const result: Simple = {};
  let list: string[] | undefined;
  let listIndent: number | undefined;
  for (const line of text.split('\n')) {
    if (BLANK_OR_COMMENT.test(line)) continue;
    const item = ITEM.exec(line);
    if (item) {
      if (!list || (listIndent !== undefined && item[1]!.length !== listIndent)) return NOT_SIMPLE;
      listIndent = item[1]!.length;
      const value = scalar(item[2]!);
      if (value === NOT_SIMPLE) return NOT_SIMPLE;
      list.push(value);
      continue;
    }
    if (list && list.length === 0) return NOT_SIMPLE; // `key:` with no items is null
    list = undefined;
    listIndent = undefined;
    const pair = PAIR.exec(line) ?? LIST_KEY.exec(line);
    if (!pair) return NOT_SIMPLE;
    const key = pair[1]!;
    if (key === '__proto__' || Object.hasOwn(result, key)) return NOT_SIMPLE;
    if (pair[2] === undefined) {
      list = [];
      result[key] = list;
      continue;
    }
    const value = scalar(pair[2]);
    if (value === NOT_SIMPLE) return NOT_SIMPLE;
    result[key] = value;
  }
  if ((list && list.length === 0) || Object.keys(result).length === 0) return NOT_SIMPLE;
  return result;
}
