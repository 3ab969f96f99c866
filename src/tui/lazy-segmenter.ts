// Stands in for Intl.Segmenter in the UI bundle (scripts/build.mjs replaces every `Intl.Segmenter`
// there, Ink's dependencies included, with this class). Creating the first Intl object loads ICU's
// data, about 10 ms of the first frame, and Ink segments every string it draws. For ASCII text the
// grapheme clusters are single characters, except CR LF (UAX #29), so those strings are segmented
// here and ICU is loaded only for the first string that needs it. __tests__/lazy-segmenter.test.ts
// compares the results with Intl.Segmenter's.

/** ASCII with no CR LF pair: every code unit is a grapheme cluster of its own. */
const SINGLE_CHARACTER_CLUSTERS = /^(?:[\0-\x0c\x0e-\x7f]|\r(?!\n))*$/;

type Locales = ConstructorParameters<typeof Intl.Segmenter>[0];
/** What callers use of Intl.Segments: iteration and containing(). */
export type Segments = Pick<Intl.Segments, 'containing'> & Iterable<Intl.SegmentData>;

/** Intl.Segments for text whose clusters are its characters: iteration and containing(). */
class CharacterSegments {
  constructor(private readonly input: string) {}

  containing(codeUnitIndex = 0): Intl.SegmentData | undefined {
    const index = Math.trunc(Number(codeUnitIndex)) || 0;
    if (index < 0 || index >= this.input.length) return undefined;
    return { segment: this.input[index]!, index, input: this.input };
  }

  *[Symbol.iterator](): IterableIterator<Intl.SegmentData> {
    for (let index = 0; index < this.input.length; index += 1)
      yield { segment: this.input[index]!, index, input: this.input };
  }
}

export class LazySegmenter {
  readonly #locales: Locales;
  readonly #options: Intl.SegmenterOptions | undefined;
  #real: Intl.Segmenter | undefined;

  constructor(locales?: Locales, options?: Intl.SegmenterOptions) {
    this.#locales = locales;
    this.#options = options;
  }

  #segmenter(): Intl.Segmenter {
    // globalThis.Intl: the build's substitution matches `Intl.Segmenter` only.
    this.#real ??= new globalThis.Intl.Segmenter(this.#locales, this.#options);
    return this.#real;
  }

  segment(input: string): Segments {
    const text = String(input);
    const graphemes = (this.#options?.granularity ?? 'grapheme') === 'grapheme';
    return graphemes && SINGLE_CHARACTER_CLUSTERS.test(text)
      ? new CharacterSegments(text)
      : this.#segmenter().segment(text);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.#segmenter().resolvedOptions();
  }
}
