/**
 * A number as `Intl.NumberFormat('en-US', { maximumFractionDigits })` writes it (`1,234.5`, `-0.000001`), without
 * ICU.
 *
 * Why: the first number ICU formats in a process loads its locale data from the Node.js binary, about 7 MB of
 * pages that then count in the server's resident memory for its whole life. The code lens of every Pod formats
 * quantities while a file is checked, so every server paid it (measured: RSS after the benchmark's warm-up Pod
 * 72 -> 65 MB). The digits are the shortest that read back as the number (what `String(n)` and ICU both start
 * from), rounded half away from zero at `maxFractionDigits`, with a comma every three digits.
 */
export function numberText(n: number, maxFractionDigits = 3): string {
  if (Number.isNaN(n)) return 'NaN';
  const negative = n < 0 || Object.is(n, -0);
  if (!Number.isFinite(n)) return negative ? '-\u221e' : '\u221e';
  const [mantissa, exponent = '0'] = String(Math.abs(n)).split('e');
  const point = mantissa.indexOf('.');
  const digits = point < 0 ? mantissa : mantissa.slice(0, point) + mantissa.slice(point + 1);
  // Where the decimal point falls in `digits` (before it when negative, past its end when above its length).
  const at = (point < 0 ? mantissa.length : point) + Number(exponent);
  let whole = at <= 0 ? '0' : digits.slice(0, at).padEnd(at, '0');
  let fraction = at >= digits.length ? '' : at < 0 ? '0'.repeat(-at) + digits : digits.slice(at);
  if (fraction.length > maxFractionDigits) {
    const up = fraction.charCodeAt(maxFractionDigits) >= 53; // '5'
    fraction = fraction.slice(0, maxFractionDigits);
    if (up) [whole, fraction] = incremented(whole, fraction);
  }
  let end = fraction.length;
  while (end > 0 && fraction[end - 1] === '0') end--;
  fraction = fraction.slice(0, end);
  let start = 0;
  while (start < whole.length - 1 && whole[start] === '0') start++;
  return `${negative ? '-' : ''}${grouped(whole.slice(start))}${fraction ? `.${fraction}` : ''}`;
}

/** Digits with a comma before every group of three from the right. */
function grouped(digits: string): string {
  let text = digits.slice(0, digits.length % 3 || 3);
  for (let i = text.length; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  return text;
}

/** `whole.fraction` plus one unit of its last fraction digit (of the whole number when there is no fraction). */
function incremented(whole: string, fraction: string): [string, string] {
  const all = (whole + fraction).split('');
  let i = all.length - 1;
  while (i >= 0 && all[i] === '9') all[i--] = '0';
  if (i >= 0) all[i] = String(Number(all[i]) + 1);
  else all.unshift('1');
  const cut = all.length - fraction.length;
  return [all.slice(0, cut).join(''), all.slice(cut).join('')];
}
