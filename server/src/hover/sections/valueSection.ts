import { describeQuantity, parseQuantity } from '../../pod/quantity';
import { enumValueMeaning, type ValuePlace } from '../enumValues';
import type { HoverContext } from '../hoverContext';
import { code } from '../markdown';
import type { HoverSection } from '../section';

/** Keys whose values are quantities named by the key itself (cpu, memory, nvidia.com/gpu...). */
const RESOURCE_MAPS = new Set(['requests', 'limits', 'overhead', 'claims']);

/**
 * On a value: what this value does here. Enum values get our explanation (hover/enumValues.ts), quantities their
 * normalised amount (`500m` = 0.5 CPU).
 */
export const valueSection: HoverSection = {
  id: 'value',
  render(ctx) {
    if (ctx.onKey || ctx.value === undefined || !ctx.field) return undefined;
    if (ctx.path.length === 1 && ctx.field === 'apiVersion') return apiVersionText(ctx);
    const meaning = enumValueMeaning(ctx.field, ctx.value, valuePlace(ctx), parentKey(ctx));
    if (meaning) return `${code(ctx.value)}: ${meaning}`;
    const quantity = quantityText(ctx);
    if (quantity) return quantity;
    return undefined;
  },
};

/** Where the field sits, for values whose meaning depends on it (restartPolicy). */
export function valuePlace(ctx: HoverContext): ValuePlace {
  if (ctx.container && ctx.inContainer?.length === 1) return ctx.container.list === 'initContainers' ? 'init-container' : 'app-container';
  if (ctx.inPodSpec?.length === 1) return 'pod';
  if (ctx.scope === 'workload') return 'workload';
  return 'other';
}

/** The key of the mapping that holds the field (for a list item, the list's key). */
function parentKey(ctx: HoverContext): string | undefined {
  let seenField = false;
  for (let i = ctx.path.length - 1; i >= 0; i--) {
    const step = ctx.path[i];
    if (typeof step !== 'string') continue;
    if (seenField) return step;
    seenField = true;
  }
  return undefined;
}

function quantityText(ctx: HoverContext): string | undefined {
  const isQuantity = ctx.schema?.node.format === 'quantity';
  const parent = parentKey(ctx);
  if (!isQuantity && !(parent && RESOURCE_MAPS.has(parent))) return undefined;
  const q = parseQuantity(ctx.node.value);
  if (!q) return undefined;
  // In a resource list the key names the resource; elsewhere (emptyDir.sizeLimit) a quantity is an amount of bytes.
  const resource = parent && RESOURCE_MAPS.has(parent) ? ctx.field! : 'storage';
  return `${code(ctx.value!)} = ${describeQuantity(resource, q)}`;
}

/** A removed apiVersion: when it went, and what to write instead. */
function apiVersionText(ctx: HoverContext): string | undefined {
  const { workload, value } = ctx;
  if (!Object.prototype.hasOwnProperty.call(workload.removedVersions, value!)) return undefined;
  const removedIn = workload.removedVersions[value!];
  return `${code(value!)} no longer serves ${workload.kind} since Kubernetes ${removedIn}: write ${code(`apiVersion: ${workload.apiVersion}`)}. The fields are explained here as ${workload.apiVersion} has them.`;
}
