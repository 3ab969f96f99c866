import { createHash, randomBytes } from 'node:crypto';

/** Source of randomness, passed in so tests can fix it. */
export type RandomBytes = (size: number) => Buffer;
export const cryptoRandom: RandomBytes = (size) => randomBytes(size);

/** 32 random bytes → 43 base64url characters: the shortest verifier RFC 7636 allows, 256 bits. */
export function createCodeVerifier(random: RandomBytes = cryptoRandom): string {
  return random(32).toString('base64url');
}

export function codeChallengeS256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** 128 random bits, as the CSRF `state` parameter. */
export function createState(random: RandomBytes = cryptoRandom): string {
  return random(16).toString('base64url');
}
