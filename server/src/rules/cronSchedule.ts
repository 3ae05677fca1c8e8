/**
 * The CronJob schedule grammar the API server accepts (robfig/cron's standard parser): five fields, or a macro.
 * Returns the first problem in words, with the field it lies in, or undefined for a valid schedule.
 */
interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

const MONTHS = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day of week', min: 0, max: 6, names: DAYS },
];

const MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const EVERY = /^@every\s+(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

export interface ScheduleProblem {
  readonly message: string;
  /** Offset range of the offending part within the schedule text, when one part is at fault. */
  readonly at?: readonly [number, number];
}

export function scheduleProblem(schedule: string): ScheduleProblem | undefined {
  // The API server rejects any schedule that mentions TZ (TZ= and CRON_TZ=), pointing to spec.timeZone.
  if (schedule.includes('TZ')) {
    return { message: 'it sets a time zone with TZ= or CRON_TZ=, which the API server rejects; use the spec.timeZone field instead' };
  }
  const text = schedule.trim();
  if (text.startsWith('@')) {
    if (MACROS.has(text.toLowerCase()) || EVERY.test(text)) return undefined;
    return { message: `\`${text}\` is not a known macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly or five fields` };
  }
  const parts: { text: string; at: number }[] = [];
  for (const match of schedule.matchAll(/\S+/g)) parts.push({ text: match[0], at: match.index! });
  if (parts.length !== 5) {
    // Only the count: the cron-schedule message goes on to say what the five fields are.
    return { message: `it has ${parts.length} field${parts.length === 1 ? '' : 's'}${parts.length === 6 ? ', and a seconds field is not supported' : ''}` };
  }
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(parts[i].text, FIELDS[i]);
    if (problem) return { message: `the ${FIELDS[i].name} field \`${parts[i].text}\` ${problem}`, at: [parts[i].at, parts[i].at + parts[i].text.length] };
  }
  return undefined;
}

function fieldProblem(text: string, field: Field): string | undefined {
  for (const item of text.split(',')) {
    const problem = itemProblem(item, field);
    if (problem) return problem;
  }
  return undefined;
}

function itemProblem(item: string, field: Field): string | undefined {
  if (item === '') return 'has an empty list item';
  const [range, step, extra] = item.split('/');
  if (extra !== undefined) return 'has more than one `/`';
  if (step !== undefined && !/^\d+$/.test(step)) return `has a step \`${step}\` that is not a number`;
  if (step !== undefined && Number(step) === 0) return 'has a step of 0';
  if (range === '*' || range === '?') return undefined;
  const bounds = range.split('-');
  if (bounds.length > 2) return `has a range \`${range}\` with more than one \`-\``;
  const values: number[] = [];
  for (const bound of bounds) {
    const value = valueOf(bound, field);
    if (value === undefined) return `has \`${bound}\`, which is not a number${field.names ? ' or a name' : ''}`;
    if (value < field.min || value > field.max) return `has ${bound}, outside ${field.min}-${field.max}`;
    values.push(value);
  }
  if (values.length === 2 && values[0] > values[1]) return `has a range ${range} that ends before it starts`;
  return undefined;
}

function valueOf(text: string, field: Field): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const named = field.names?.[text.toLowerCase()];
  return named;
}

/**
 * A time zone name the API server can load: an IANA name such as `Europe/Berlin`, `America/Argentina/Salta`,
 * `Etc/GMT+5` or `UTC`. Returns the problem in words, or undefined when the shape is right.
 */
export function timeZoneShapeProblem(zone: string): string | undefined {
  if (zone.length === 0) return 'it is empty';
  if (/\s/.test(zone)) return 'it contains a space; IANA names use `_` (America/New_York)';
  if (zone.toLowerCase() === 'local') return '`Local` (the controller\'s own zone) is rejected; name the zone';
  if (/^[+-]\d|^(UTC|GMT)[+-]\d/i.test(zone)) return 'an offset is not a zone name; use an IANA name such as `Etc/GMT-2` or `Europe/Berlin`';
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return 'it is not shaped like an IANA name (Area/Location, e.g. Europe/Berlin)';
  return undefined;
}

/** True when the runtime's time zone database knows the name (Node's ICU data, offline). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
