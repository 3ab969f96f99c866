import { describe, expect, it } from '@jest/globals';
import { LazySegmenter } from '../src/tui/lazy-segmenter.js';
import { seededRandom } from './helpers/fuzz-requests.js';

// The UI bundle uses LazySegmenter wherever its code says Intl.Segmenter: what it returns must be
// what Intl.Segmenter returns, for the ASCII text it segments itself and for everything else.

const PIECES = [
  'a',
  'Z',
  ' ',
  '~',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\0',
  '\x1b',
  '\x1b[1m',
  '\x7f',
  'é',
  'e\u0301',
  '·',
  '•',
  '👍🏽',
  '🇫🇷',
  '한',
  '\u200d',
  '\ufe0f',
  '\ud800',
];

function randomText(random: () => number): string {
  let text = '';
  const length = Math.floor(random() * 12);
  // Half the texts are pure ASCII (the fast path), half may hold anything.
  const pieces = random() < 0.5 ? PIECES.slice(0, 11) : PIECES;
  for (let i = 0; i < length; i += 1) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

const fields = ({ segment, index, input }: Intl.SegmentData) => ({ segment, index, input });
const plain = (segments: Iterable<Intl.SegmentData>) => [...segments].map(fields);

function expectSameSegments(text: string, options?: Intl.SegmenterOptions): void {
  const ours = new LazySegmenter(undefined, options).segment(text);
  const intl = new Intl.Segmenter(undefined, options).segment(text);
  expect({ text, segments: plain(ours) }).toEqual({ text, segments: plain(intl) });
  for (let index = -1; index <= text.length; index += 1) {
    const found = ours.containing(index);
    const wanted = intl.containing(index);
    expect({ text, index, found: found && fields(found) }).toEqual({ text, index, found: wanted && fields(wanted) });
  }
}

describe('LazySegmenter segments as Intl.Segmenter does', () => {
  it.each([
    ['the launch screen', 'Press Enter to authorize in your browser, q to quit'],
    ['escape codes', '\x1b[1mpytify-auth\x1b[22m'],
    ['CR LF, a lone CR and a lone LF', 'a\r\nb\rc\nd\r'],
    ['a combining accent', 'e\u0301'],
    ['an emoji with a skin tone', 'ok 👍🏽!'],
    ['nothing', ''],
  ])('%s', (_label, text) => {
    expectSameSegments(text);
  });

  it('on 5,000 generated texts, by default and with granularity "grapheme" and "word"', () => {
    const random = seededRandom(2611);
    for (let i = 0; i < 5_000; i += 1) {
      const text = randomText(random);
      expectSameSegments(text);
      if (i % 10 === 0) {
        expectSameSegments(text, { granularity: 'grapheme' });
        expectSameSegments(text, { granularity: 'word' });
      }
    }
  });

  it('resolves the same options', () => {
    expect(new LazySegmenter('en', { granularity: 'word' }).resolvedOptions()).toEqual(
      new Intl.Segmenter('en', { granularity: 'word' }).resolvedOptions(),
    );
  });
});
