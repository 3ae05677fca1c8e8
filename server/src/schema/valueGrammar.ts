/**
 * The grammars the API server applies to int-or-string fields, which the schema types only as "integer or
 * string". Chosen by the field's name, since the same type carries a port in one place and a percentage in another.
 */

/** Fields whose int-or-string value is a port: a number from 1 to 65535, or the name of a container port. */
const PORT_FIELDS = new Set(['port', 'targetPort']);
/** Fields whose int-or-string value is a count of Pods or a percentage of the replicas. */
const PERCENT_FIELDS = new Set(['maxSurge', 'maxUnavailable']);

/** IANA service name: up to 15 lower-case letters, digits and single hyphens, with at least one letter. */
const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * Why `value` is not valid for the int-or-string field `field`, as a clause for a message; undefined when it is
 * valid (or the field has no grammar we know).
 */
export function intOrStringMistake(field: string, value: string | number): string | undefined {
  if (PORT_FIELDS.has(field)) {
    if (typeof value === 'number') {
      return value >= 1 && value <= 65535 ? undefined : `a port number is between 1 and 65535, and ${value} is not`;
    }
    if (/^\d+$/.test(value)) return `"${value}" is a quoted string, so it is read as a port name; remove the quotes to give the port number ${value}`;
    if (value.length > 15) return `a port name is at most 15 characters long, and "${value}" has ${value.length}`;
    if (!PORT_NAME.test(value) || value.includes('--') || !/[a-z]/.test(value)) {
      return `a port name uses lower-case letters, digits and single hyphens (with at least one letter, e.g. "http"), and must name a port of the container`;
    }
    return undefined;
  }
  if (PERCENT_FIELDS.has(field)) {
    if (typeof value === 'number') return value >= 0 ? undefined : `a count of Pods cannot be negative`;
    if (/^\d+%$/.test(value)) return undefined;
    if (/^\d+$/.test(value)) return `"${value}" is a quoted string but not a percentage: write ${value} for a count of Pods, or "${value}%" for a percentage`;
    return `the value is a count of Pods (such as 1) or a percentage of the replicas (such as "25%")`;
  }
  return undefined;
}

/**
 * True when the API server replaces `value` with a default before it validates, so the value is no mistake: a
 * Service port's `targetPort` given as 0 or "" becomes the port itself (SetDefaults_Service), although 0 and ""
 * are invalid everywhere else a port goes.
 */
export function defaultedBeforeValidation(definition: string | undefined, field: string, value: unknown): boolean {
  return definition === 'io.k8s.api.core.v1.ServicePort' && field === 'targetPort' && (value === 0 || value === '');
}
