import assert from 'node:assert/strict';
import { describeQuantity, isFractional, parseQuantity, quantityMistake, shortQuantity } from '../../../server/src/pod/quantity';

describe('pod: quantities', () => {
  const values: [unknown, number | undefined][] = [
    ['500m', 0.5],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['128Mi', 128 * 2 ** 20],
    ['1G', 1e9],
    ['2e3', 2000],
    ['1E-2', 0.01],
    ['-100m', -0.1],
    [2, 2],
    [0.25, 0.25],
    ['1.5Gi', 1.5 * 2 ** 30],
    ['128MB', undefined],
    ['1 Gi', undefined],
    ['', undefined],
    ['1.2.3', undefined],
    [true, undefined],
  ];
  for (const [input, value] of values) {
    it(`${JSON.stringify(input)} is ${value ?? 'not a quantity'}`, () => assert.equal(parseQuantity(input)?.value, value));
  }

  it('explains the common mistakes', () => {
    assert.match(quantityMistake('128MB'), /`MB` is not a Kubernetes unit: write M \(10\^6 bytes\) or Mi/);
    assert.match(quantityMistake('1 Gi'), /no spaces/);
    assert.match(quantityMistake('1.2.3'), /at most one decimal point/);
  });

  it('knows fractions of a base unit', () => {
    assert.equal(isFractional(parseQuantity('100m')!), true);
    assert.equal(isFractional(parseQuantity('1000m')!), false);
    assert.equal(isFractional(parseQuantity('1.5Ki')!), false, '1536 bytes');
  });

  it('describes amounts in words', () => {
    assert.equal(describeQuantity('cpu', parseQuantity('500m')!), '0.5 CPU (500 millicores)');
    assert.equal(describeQuantity('memory', parseQuantity('128Mi')!), '134,217,728 bytes (128 MiB)');
    // No binary form that only repeats the number; a fraction of a byte says what its suffix means.
    assert.equal(describeQuantity('memory', parseQuantity('100')!), '100 bytes');
    assert.equal(describeQuantity('memory', parseQuantity('1')!), '1 byte');
    assert.equal(describeQuantity('memory', parseQuantity('100m')!), '0.1 bytes, a fraction of a byte (m means milli, a thousandth, not mega)');
    assert.equal(describeQuantity('ephemeral-storage', parseQuantity('0.5')!), '0.5 bytes, a fraction of a byte');
    assert.equal(shortQuantity('cpu', 0.25), '250m CPU');
    assert.equal(shortQuantity('memory', 1.5 * 2 ** 30), '1.5 GiB');
  });
});
