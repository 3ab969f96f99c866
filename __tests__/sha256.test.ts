import { describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { sha256Hex } from '../src/token/sha256.js';

const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex (the record fingerprint without node:crypto)', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto at every length around the block and padding boundaries', () => {
    for (let length = 0; length <= 200; length += 1) {
      const text = 'x'.repeat(length);
      expect([length, sha256Hex(text)]).toEqual([length, nodeSha256(text)]);
    }
  });

  it('matches node:crypto for random tokens, non-ASCII text and a long input', () => {
    const texts = Array.from({ length: 300 }, (_, i) =>
      randomBytes(1 + (i % 150)).toString(i % 2 ? 'base64url' : 'latin1'),
    );
    texts.push('AQC…é中😀\u0000\ud800', 'a'.repeat(100_000));
    for (const text of texts) expect(sha256Hex(text)).toBe(nodeSha256(text));
  });
});
