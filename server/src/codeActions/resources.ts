import { isScalar, type Scalar } from 'yaml';
import { code, valueAt, type FixFamily } from './fix';
import type { Edit } from '../document/textEdit';
import { renameScalar } from '../document/yamlEdits';
import { fractionalBytesRule, memoryWithoutUnitRule, requestExceedsLimitRule } from '../rules/resources';

/** A request above its limit: raise the limit to the request, or lower the request to the limit. */
export const requestAboveLimitFixes: FixFamily = {
  rules: [requestExceedsLimitRule],
  fixes(ctx) {
    // The finding sits on the requests map (where the API server reports it); it relates the limit, then the request.
    const limitAt = ctx.finding.related?.[0]?.start;
    const requestAt = valueAt(ctx.doc, ctx.finding.related?.[1]?.start ?? ctx.finding.start);
    const request = requestAt?.node;
    const limit = limitAt === undefined ? undefined : valueAt(ctx.doc, limitAt)?.node;
    if (!isScalar(request) || !isScalar(limit) || !request.range || !limit.range) return [];
    // The resource's name is the key of the request's value: `requests: {cpu: "2"}`.
    const resource = String(requestAt!.path[requestAt!.path.length - 1]);
    const requestText = ctx.text.slice(request.range[0], request.range[1]);
    const limitText = ctx.text.slice(limit.range[0], limit.range[1]);
    return [
      {
        title: `Raise the ${resource} limit to ${code(requestText)}`,
        edits: [{ start: limit.range[0], end: limit.range[1], newText: requestText }],
        preferred: true,
      },
      { title: `Lower the ${resource} request to ${code(limitText)}`, edits: [{ start: request.range[0], end: request.range[1], newText: limitText }] },
    ];
  },
};

/**
 * A quantity written in place of `node`: a quoted one keeps its quotes, a plain one stays plain (`512Mi` and `100M`
 * read as strings and need none).
 */
function quantityEdit(node: Scalar, quantity: string): Edit {
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return quoted ? renameScalar(node, quantity) : { start: node.range![0], end: node.range![1], newText: quantity };
}

/** Memory written with the milli suffix (`100m` is a tenth of a byte): the mebibytes or megabytes meant. */
export const fractionalBytesFixes: FixFamily = {
  rules: [fractionalBytesRule],
  fixes(ctx) {
    const node = valueAt(ctx.doc, ctx.finding.start)?.node;
    if (!isScalar(node) || !node.range || typeof node.value !== 'string' || !/^[0-9.]+m$/.test(node.value)) return [];
    const amount = node.value.slice(0, -1);
    return [
      { title: `Change to ${code(`${amount}Mi`)} (mebibytes)`, edits: [quantityEdit(node, `${amount}Mi`)], preferred: true },
      { title: `Change to ${code(`${amount}M`)} (megabytes)`, edits: [quantityEdit(node, `${amount}M`)] },
    ];
  },
};

/** A small memory amount with no unit (`memory: 512` is 512 bytes): the mebibytes (or gibibytes) meant. */
export const memoryWithoutUnitFixes: FixFamily = {
  rules: [memoryWithoutUnitRule],
  fixes(ctx) {
    const node = valueAt(ctx.doc, ctx.finding.start)?.node;
    if (!isScalar(node) || !node.range) return [];
    const written = ctx.text.slice(node.range[0], node.range[1]).replace(/^["']|["']$/g, '');
    if (!/^[0-9]+$/.test(written)) return [];
    const amount = Number(written);
    const fix = (unit: string, preferred: boolean) => ({
      title: `Change to ${code(`${written}${unit}`)} (${unit === 'Mi' ? 'mebibytes' : 'gibibytes'})`,
      edits: [quantityEdit(node, `${written}${unit}`)],
      preferred,
    });
    return amount < 1024 ? [fix('Mi', true), fix('Gi', false)] : [fix('Mi', true)];
  },
};
