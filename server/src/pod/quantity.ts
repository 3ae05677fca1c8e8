import { numberText } from '../core/numberText';
/**
 * Kubernetes resource quantities (`500m`, `128Mi`, `1.5`, `2e3`): their grammar, value and a readable form.
 *
 * The grammar is the API server's: an optional sign, a decimal number, then one suffix: a binary SI suffix
 * (Ki..Ei), a decimal SI suffix (m, k, M..E) or a decimal exponent (e3, E-2). YAML numbers are quantities too.
 */
const GRAMMAR = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?$/;

const MULTIPLIER: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

export interface Quantity {
  /** The value in base units (cores for cpu, bytes for memory). */
  readonly value: number;
  /** The text as written. */
  readonly text: string;
  readonly suffix: string;
}

/** Parses a quantity written as a string or a YAML number; undefined when it does not follow the grammar. */
export function parseQuantity(input: unknown): Quantity | undefined {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { value: input, text: String(input), suffix: '' } : undefined;
  }
  if (typeof input !== 'string') return undefined;
  const match = GRAMMAR.exec(input);
  if (!match) return undefined;
  const [, sign, digits, exponent, suffix = ''] = match;
  let value = Number(digits) * (exponent !== undefined ? 10 ** Number(exponent) : MULTIPLIER[suffix]);
  if (sign === '-') value = -value;
  if (!Number.isFinite(value)) return undefined;
  return { value, text: input, suffix: exponent !== undefined ? `e${exponent}` : suffix };
}

/** Explains why a string is not a quantity, for messages: the common mistakes first. */
export function quantityMistake(input: string): string {
  const unit = /^[+-]?(\d+(?:\.\d*)?|\.\d+)\s*([A-Za-z]+)$/.exec(input.trim());
  if (/\s/.test(input.trim())) return 'a quantity has no spaces';
  if (unit) {
    const written = unit[2];
    const hint: Record<string, string> = {
      MB: 'M (10^6 bytes) or Mi (2^20 bytes)',
      GB: 'G or Gi',
      KB: 'k or Ki',
      kb: 'k or Ki',
      mb: 'M or Mi',
      gb: 'G or Gi',
      K: 'k (lower case) or Ki',
      mi: 'Mi',
      gi: 'Gi',
      ki: 'Ki',
      MiB: 'Mi',
      GiB: 'Gi',
      KiB: 'Ki',
      TB: 'T or Ti',
    };
    if (hint[written]) return `\`${written}\` is not a Kubernetes unit: write ${hint[written]}`;
    return `\`${written}\` is not a unit Kubernetes knows (m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei)`;
  }
  if ((input.match(/\./g) ?? []).length > 1) return 'a number has at most one decimal point';
  return 'a quantity is a number with an optional unit, such as 500m, 0.5, 128Mi or 1G';
}

/** True when the quantity is not a whole number of base units (a fraction of a byte, for memory). */
export function isFractional(q: Quantity): boolean {
  const v = Math.abs(q.value);
  return Math.abs(v - Math.round(v)) > 1e-9 * Math.max(1, v);
}

/** A readable form: `500m` → `0.5 CPU`; `128Mi` → `134,217,728 bytes (128 MiB)`. */
export function describeQuantity(resource: string, q: Quantity): string {
  if (resource === 'cpu') {
    const cores = q.value;
    const millis = Math.round(cores * 1000 * 1000) / 1000;
    return `${formatNumber(cores)} CPU (${formatNumber(millis)} millicores)`;
  }
  if (isByteResource(resource)) return describeBytes(q);
  return formatNumber(q.value);
}

/** Bytes, with the binary form only where it says more (`1,024 bytes (1 KiB)`, not `100 bytes (100 bytes)`). */
function describeBytes(q: Quantity): string {
  const bytes = `${formatNumber(q.value)} ${q.value === 1 ? 'byte' : 'bytes'}`;
  if (isFractional(q)) {
    // Almost always `100m` meant as 100 MB: say what the suffix means.
    return `${bytes}, a fraction of a byte${q.suffix === 'm' ? ' (m means milli, a thousandth, not mega)' : ''}`;
  }
  return Math.abs(q.value) < 1024 ? bytes : `${bytes} (${humanBytes(q.value)})`;
}

/** Compact form for summaries: `0.5 CPU`, `128 MiB`. */
export function shortQuantity(resource: string, value: number): string {
  if (resource === 'cpu') return value < 1 ? `${formatNumber(Math.round(value * 1000))}m CPU` : `${formatNumber(value)} CPU`;
  if (isByteResource(resource)) return humanBytes(value);
  return formatNumber(value);
}

export function isByteResource(resource: string): boolean {
  return resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-') || resource === 'storage';
}

function humanBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(Math.round(value * 100) / 100)} ${units[unit]}`;
}

// Not Intl: ICU's locale data would cost every server about 7 MB of resident memory (see core/numberText.ts).
function formatNumber(n: number): string {
  return numberText(n, 6);
}
