import assert from 'node:assert/strict';
import { numberText } from '../../../server/src/core/numberText';

/**
 * numberText writes numbers as Intl.NumberFormat('en-US') does (messages and code lenses read the same as before it
 * replaced ICU in the server): compared with ICU itself on integers, halves at the rounding digit, every magnitude
 * from 1e-12 to 1e24 and a seeded spread of values.
 */
function icu(n: number, maxFractionDigits: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: maxFractionDigits }).format(n);
}

/** A small deterministic generator (mulberry32): the same values on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('core: numbers written as en-US', () => {
  it('reads like the examples people see in messages and lenses', () => {
    assert.equal(numberText(1024), '1,024');
    assert.equal(numberText(0.5, 6), '0.5');
    assert.equal(numberText(1234567.891, 6), '1,234,567.891');
    assert.equal(numberText(128.125, 2), '128.13');
    assert.equal(numberText(0.0000005, 6), '0.000001');
    assert.equal(numberText(-0.0000001, 6), '-0');
    assert.equal(numberText(999.9999995, 6), '1,000');
    assert.equal(numberText(1e21), '1,000,000,000,000,000,000,000');
  });

  const cases: number[] = [0, -0, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE, Number.MAX_VALUE, 2 ** 64, 1.5e-7, 2.5e-7, 0.1 + 0.2];
  for (let i = 0; i <= 2000; i++) cases.push(i, -i, i / 8, i / 1000, i / 1024);
  for (let e = -12; e <= 24; e++) for (const m of [1, 1.5, 2.5, 4.9999995, 5, 9.9999995, 123.4565]) cases.push(m * 10 ** e, -m * 10 ** e);
  for (let k = 1; k < 10; k++) cases.push(k * 0.0000005, 1 + k * 0.0000005, k + 0.5, k * 1024 ** 3 + 0.125);
  const random = seeded(23);
  for (let i = 0; i < 5000; i++) cases.push((random() - 0.3) * 10 ** Math.floor(random() * 30 - 10));

  for (const digits of [0, 2, 3, 6]) {
    it(`writes ${cases.length} numbers as ICU does, at most ${digits} fraction digits`, () => {
      const differ = cases.filter((n) => numberText(n, digits) !== icu(n, digits)).map((n) => [n, numberText(n, digits), icu(n, digits)]);
      assert.deepEqual(differ.slice(0, 10), []);
    });
  }
});
