/**
 * The name grammars of the Kubernetes API (k8s.io/apimachinery/pkg/util/validation), written out as checks that
 * return the first problem in words, or undefined for a valid name. Messages name the rule a person broke.
 */
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit. */
export function dns1123LabelProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 63) return `it is ${name.length} characters long; at most 63 are allowed`;
  if (DNS1123_LABEL.test(name)) return undefined;
  return labelCharacterProblem(name, 'a letter or digit');
}

/** A DNS-1035 label (Service names): like a DNS-1123 label, but it must start with a letter. */
export function dns1035LabelProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 63) return `it is ${name.length} characters long; at most 63 are allowed`;
  if (DNS1035_LABEL.test(name)) return undefined;
  if (/^[0-9]/.test(name)) return 'it starts with a digit; it must start with a lowercase letter';
  return labelCharacterProblem(name, 'a letter or digit');
}

/** A DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels. */
export function dns1123SubdomainProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 253) return `it is ${name.length} characters long; at most 253 are allowed`;
  if (DNS1123_SUBDOMAIN.test(name)) return undefined;
  if (/\.\./.test(name) || name.startsWith('.') || name.endsWith('.')) return 'it has an empty part between dots';
  return labelCharacterProblem(name.replace(/\./g, ''), 'a letter or digit', '-.');
}

function labelCharacterProblem(name: string, edge: string, allowed = '-'): string {
  if (/[A-Z]/.test(name)) return 'it has uppercase letters; only lowercase letters are allowed';
  const bad = [...name].find((ch) => !/[a-z0-9]/.test(ch) && !allowed.includes(ch));
  if (bad !== undefined) return `it contains ${characterText(bad)}; only lowercase letters, digits and ${allowed === '-' ? "'-'" : "'-' and '.'"} are allowed`;
  return `it must start and end with ${edge}`;
}

/**
 * A port name (IANA_SVC_NAME): at most 15 lowercase letters, digits and '-', at least one letter, no '--', not
 * starting or ending with '-'.
 */
export function portNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  if (name.length > 15) return `it is ${name.length} characters long; a port name has at most 15`;
  if (/[A-Z]/.test(name)) return 'it has uppercase letters; only lowercase letters are allowed';
  const bad = [...name].find((ch) => !/[a-z0-9-]/.test(ch));
  if (bad !== undefined) return `it contains ${characterText(bad)}; only lowercase letters, digits and '-' are allowed`;
  if (!/[a-z]/.test(name)) return 'it has no letter; a port name needs at least one, so it cannot be mistaken for a number';
  if (name.includes('--')) return "it contains '--'";
  if (name.startsWith('-') || name.endsWith('-')) return "it starts or ends with '-'";
  return undefined;
}

/** A qualified name (label and annotation keys): an optional DNS subdomain prefix and '/', then a name of <= 63. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return "it has more than one '/'; a key is an optional prefix, '/', and a name";
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    if (prefix.length === 0) return "its prefix before '/' is empty";
    const problem = dns1123SubdomainProblem(prefix);
    if (problem) return `its prefix \`${prefix}\` is not a DNS subdomain: ${problem}`;
  }
  if (name.length === 0) return 'its name part is empty';
  if (name.length > 63) return `its name part is ${name.length} characters long; at most 63 are allowed`;
  if (!QUALIFIED_NAME_PART.test(name)) {
    const bad = [...name].find((ch) => !/[-A-Za-z0-9_.]/.test(ch));
    if (bad !== undefined) return `it contains ${characterText(bad)}; only letters, digits, '-', '_' and '.' are allowed`;
    return 'its name part must start and end with a letter or digit';
  }
  return undefined;
}

/** A label value: empty, or at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `it is ${value.length} characters long; at most 63 are allowed`;
  if (LABEL_VALUE.test(value)) return undefined;
  const bad = [...value].find((ch) => !/[-A-Za-z0-9_.]/.test(ch));
  // Only the character: the invalid-label message states the whole grammar right after the problem.
  if (bad !== undefined) return `it contains ${characterText(bad)}`;
  return 'it must start and end with a letter or digit';
}

/** A character as a reader can see it: whitespace by name (a backticked space reads as an empty pair of ticks). */
function characterText(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\t') return 'a tab';
  if (/\s/.test(ch)) return `whitespace (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
  return ch === '`' ? 'a backtick' : `\`${ch}\``;
}
