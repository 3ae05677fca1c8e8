import type { BlockValue } from './blockText';

/**
 * The same values blockText.ts writes as block YAML, written in flow style on one line (`{name: a, ports: [..]}`),
 * for an item inserted into a flow sequence. Scalars are written as given (they may hold snippet placeholders).
 */
export function flowText(value: BlockValue): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, member]) => `${key}: ${flowText(member)}`)
    .join(', ')}}`;
}
