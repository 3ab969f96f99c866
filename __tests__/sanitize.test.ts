import { describe, expect, it } from '@jest/globals';
import { safeJson, sanitize } from '../src/core/sanitize.js';

describe('sanitize', () => {
  it('shows escape sequences, C1 controls, DEL and bidirectional controls as visible escapes', () => {
    expect(sanitize('\u001b]0;pwned\u0007Ada')).toBe('\\x1b]0;pwned\\x07Ada');
    expect(sanitize('a\u009b2Jb\u007fc')).toBe('a\\x9b2Jb\\x7fc');
    expect(sanitize('\u202eevil\u2066')).toBe('\\u202eevil\\u2066');
    expect(sanitize('tab\there\nline')).toBe('tab\\x09here\\x0aline');
  });
  it('keeps ordinary text, accents and emoji as they are', () => {
    expect(sanitize('Zoë 🎧 – ok')).toBe('Zoë 🎧 – ok');
  });
  it('cuts long values with an ellipsis, without splitting a surrogate pair', () => {
    expect(sanitize('x'.repeat(100_000))).toBe(`${'x'.repeat(199)}…`);
    expect(sanitize('🎧'.repeat(10), 5)).toBe('🎧🎧🎧🎧…');
    expect(sanitize('abcde', 5)).toBe('abcde');
  });
  it('reads no more of a huge value than it shows', () => {
    expect(sanitize(`\u001b${'z'.repeat(50_000_000)}`, 10)).toBe('\\x1bzzzzzzzz…');
  });
});

describe('sanitize twice', () => {
  it('changes nothing the second time: text sanitised where it entered and again where it is shown reads the same', () => {
    const once = sanitize('\u001b]0;t\u0007\u009b\u202e Zoë');
    expect(sanitize(once)).toBe(once);
    const cut = sanitize(`\u001b${'z'.repeat(500)}`, 20);
    expect(sanitize(cut, 1000)).toBe(cut);
  });
});

describe('safeJson', () => {
  it('keeps values whole and escapes what a terminal would still obey', () => {
    const text = safeJson({ name: `${'y'.repeat(300)}\u001b\u009b\u202e\u007f` });
    expect(text).toBe(`{"name":"${'y'.repeat(300)}\\u001b\\u009b\\u202e\\u007f"}`);
    expect(JSON.parse(text).name).toBe(`${'y'.repeat(300)}\u001b\u009b\u202e\u007f`);
  });
});
