import { isScalar } from 'yaml';
import { code, valueAt, type FixFamily } from './fix';

/** A request above its limit: raise the limit to the request, or lower the request to the limit. */
export const requestAboveLimitFixes: FixFamily = {
  rules: ['request-exceeds-limit'],
  fixes(ctx) {
    const limitAt = ctx.finding.related?.[0]?.start;
    const request = valueAt(ctx.doc, ctx.finding.start)?.node;
    const limit = limitAt === undefined ? undefined : valueAt(ctx.doc, limitAt)?.node;
    if (!isScalar(request) || !isScalar(limit) || !request.range || !limit.range) return [];
    const resource = String(ctx.finding.message.match(/^The (\S+) request/)?.[1] ?? 'resource');
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
