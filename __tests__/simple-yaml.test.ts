import { describe, expect, it } from '@jest/globals';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { NOT_SIMPLE, parseSimpleYaml } from '../src/config/simple-yaml.js';
import { seededRandom } from './helpers/fuzz-requests.js';

// parseSimpleYaml may decline any document (js-yaml then reads it), but what it returns must be
// exactly what js-yaml returns. Checked on documents built at random from pieces chosen to sit on
// either side of every rule: numbers, dates, nulls, quotes, comments, indents, repeated keys…

const KEYS = [
  'clientId',
  'scopes',
  'tokenFile',
  'a',
  '_x',
  'k1',
  '__proto__',
  'null',
  'true',
  '1a',
  'a-b',
  '<<',
  '"q"',
];
const VALUES = [
  'abc',
  '"abc"',
  "'abc'",
  '"a #b"',
  "'a: b'",
  'http://127.0.0.1:3000/callback',
  '.pytify',
  '~/.pytify',
  '~',
  '~x',
  'null',
  'Null',
  'NULL',
  'nULL',
  'true',
  'True',
  'FALSE',
  'yes',
  'no',
  'on',
  '3000',
  '0x1F',
  '0o17',
  '1e3',
  '1_000',
  '.5',
  '.inf',
  '.NaN',
  '.',
  '..',
  '2026-01-01',
  '2026-01-01T10:00:00Z',
  '<<',
  'a:',
  'a:b',
  'a::',
  '"it\'s"',
  "'it''s'",
  '"esc\\n"',
  '"tab\\t"',
  '-x',
  '- x',
  '&a',
  '*a',
  '!!str x',
  '[a, b]',
  '{a: 1}',
  'a b',
  '""',
  "''",
  'é',
  '"é"',
  '_',
  '/x',
  'a=b',
  '@x',
  '%x',
  'x%',
  '+1',
  '-1',
  '|',
  '>',
  '?',
  'a,b',
  'a[0]',
  'x#y',
  'x #y',
  '"x"#y',
  '"x" #y',
  '"unterminated',
  "'",
  '"a\\"b"',
  'A1',
  'Z_',
  '_1',
  'e5',
  'E5',
  'inf',
  'nan',
  'N',
  'y',
  'n',
];
const SEPARATORS = [': ', ':  ', ':', ' : ', ':\t'];
const TAILS = ['', ' ', '  ', ' # note', '# x', ' #', '\t', '\r'];
const INDENTS = ['', ' ', '  ', '    ', '\t'];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

/** Pieces the reader accepts, to mix with the rest: a document of only hostile pieces is declined. */
const FRIENDLY = {
  keys: KEYS.slice(0, 6),
  values: VALUES.filter((value) => parseSimpleYaml(`k: ${value}\n`) !== NOT_SIMPLE),
  separators: [': ', ':  '],
  tails: ['', ' ', ' # note'],
  indents: ['', '  '],
};

function randomDocument(random: () => number): string {
  // How often a piece comes from the friendly ones: documents range from clean to hostile.
  const friendliness = random() < 0.5 ? 0.97 : random();
  const choose = <T>(friendly: readonly T[], all: readonly T[]): T =>
    pick(random() < friendliness ? friendly : all, random);
  const lines: string[] = [];
  const keys = new Set<string>();
  const key = (): string => {
    const chosen = choose(FRIENDLY.keys, KEYS);
    // Mostly distinct keys: a repeated one makes the whole document NOT_SIMPLE.
    const distinct = keys.has(chosen) && random() < friendliness ? `${chosen}${keys.size}` : chosen;
    keys.add(distinct);
    return distinct;
  };
  const count = 1 + Math.floor(random() * 7);
  for (let i = 0; i < count; i += 1) {
    const roll = random();
    if (roll < 0.1)
      lines.push(
        choose(
          ['', '# comment', '  # indented comment', '#'],
          ['---', '...', '%YAML 1.2', '\uFEFF# bom', '# é…', '# \u2028', '# 😀'],
        ),
      );
    else if (roll < 0.35) {
      lines.push(`${key()}:${choose(FRIENDLY.tails, TAILS.slice(0, 4))}`);
      const indent = choose(FRIENDLY.indents, INDENTS);
      const items = Math.floor(random() * 4);
      for (let j = 0; j < items; j += 1) {
        const itemIndent = random() < friendliness ? indent : pick(INDENTS, random);
        lines.push(
          `${itemIndent}-${random() < friendliness ? ' ' : ''}${choose(FRIENDLY.values, VALUES)}${choose(FRIENDLY.tails, TAILS)}`,
        );
        if (random() < 0.1) lines.push(pick(['', '# between', `${indent}# between`], random));
      }
    } else {
      const indent = random() < friendliness ? '' : pick(INDENTS, random);
      lines.push(
        `${indent}${key()}${choose(FRIENDLY.separators, SEPARATORS)}${choose(FRIENDLY.values, VALUES)}${choose(FRIENDLY.tails, TAILS)}`,
      );
    }
  }
  return lines.join(random() < friendliness ? '\n' : '\r\n') + (random() < 0.8 ? '\n' : '');
}

/** js-yaml's reading, or that it failed. */
function yamlReading(text: string): { value: unknown } | { failed: string } {
  try {
    return { value: load(text) };
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

function expectSameAsJsYaml(text: string): boolean {
  const simple = parseSimpleYaml(text);
  if (simple === NOT_SIMPLE) return false;
  const reading = yamlReading(text);
  expect({ text, reading }).toEqual({ text, reading: { value: simple } });
  // toEqual does not compare key order; a config's warnings list keys in file order.
  expect(Object.keys((reading as { value: object }).value)).toEqual(Object.keys(simple));
  return true;
}

describe('parseSimpleYaml reads what it accepts exactly as js-yaml does', () => {
  it('accepts .spotifyrc.example and a file as the setup guide writes YAML', () => {
    const example = readFileSync(new URL('../.spotifyrc.example', import.meta.url), 'utf8');
    expect(expectSameAsJsYaml(example)).toBe(true);
    expect(parseSimpleYaml(example)).toMatchObject({
      clientId: '0123456789abcdef0123456789abcdef',
      scopes: ['user-read-private', 'user-modify-playback-state'],
    });
    expect(
      expectSameAsJsYaml(
        '# pytify-auth\nclientId: "abc"\nredirectUri: "http://127.0.0.1/callback"\ntokenUrl: "http://127.0.0.1:43797/api/token"\n',
      ),
    ).toBe(true);
  });

  it.each([
    ['a value js-yaml reads as a number', 'clientId: 3000\n'],
    ['null', 'tokenFile: ~\n'],
    ['a boolean', 'showDialog: true\n'],
    ['a date', 'clientId: 2026-01-01\n'],
    ['an empty list', 'scopes:\nclientId: x\n'],
    ['a repeated key', 'clientId: a\nclientId: b\n'],
    ['an escape in double quotes', 'clientId: "a\\tb"\n'],
    ['a flow list', 'scopes: [a, b]\n'],
    ['Windows line ends', 'clientId: a\r\n'],
    ['a tab', 'clientId:\ta\n'],
    ['a document marker', '---\nclientId: a\n'],
    ['a byte-order mark', '\uFEFFclientId: a\n'],
    ['nothing but comments', '# nothing\n'],
  ])('declines %s (js-yaml decides)', (_label, text) => {
    expect(parseSimpleYaml(text)).toBe(NOT_SIMPLE);
  });

  it('agrees with js-yaml on 30,000 generated documents, and accepts a good share of them', () => {
    const random = seededRandom(20261127);
    let accepted = 0;
    for (let i = 0; i < 30_000; i += 1) if (expectSameAsJsYaml(randomDocument(random))) accepted += 1;
    // The generator must exercise the accepting side too, or this test would prove nothing.
    expect(accepted).toBeGreaterThan(3_000);
  });
});
