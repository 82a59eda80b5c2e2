import { randomBytes } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Uniform base62: bytes ≥ 248 are rejected so no character is favoured by the modulo. */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Opaque ids with a type prefix, so a stray id in a log says what it points at. */
export const newId = (prefix: 'org' | 'usr' | 'fam' | 'fil' | 'key' | 'cnv' | 'msg' | 'run' | 'map') =>
  `${prefix}_${randomBase62(20)}`;
