import { isScalar } from 'yaml';
import { mapItems, pairOf, scalarString, valueOf } from '../../document/yamlTree';
import { definedContainers, podModelOf } from '../../pod/podModel';
import type { Check, RuleDescriptor } from '../../core/rule';
import { containerLabel, hasPlaceholder, keySpan, sentence, spanOf } from '../support';

/**
 * Secrets and environment variables: a secret written into the manifest is in every copy of it (the repository,
 * the CI logs, `kubectl get -o yaml` for anyone who may read the object), and a secret read into an environment
 * variable leaks through crash dumps, child processes and debug endpoints.
 */

export const secretInEnvRule: RuleDescriptor = {
  id: 'secret-in-env',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A password, token or key written as an env value is in every copy of the manifest (the repository, CI logs, anyone who may read the object) and cannot be rotated without a commit.',
  example: 'env:\n  - name: DB_PASSWORD\n    value: hunter2',
  fix: 'Keep the value in a Secret and read it with valueFrom.secretKeyRef, or mount the Secret as a file.',
};

export const secretFromEnvRule: RuleDescriptor = {
  id: 'secret-from-env',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'A Secret read into environment variables is visible to every child process and often ends up in crash reports and debug pages; a mounted file is read only when needed and can be rotated in place.',
  example: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef: {name: db, key: password}',
  fix: 'Mount the Secret as a volume and let the program read the file (many take a *_FILE variable for it).',
};

/** Names that say "this is a credential". */
const SECRET_NAME = /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|AUTH_?KEY|CLIENT_?SECRET|BEARER)/i;
/** Names that merely point at a credential: a file, a path, a Secret's name, a reference, a switch. */
const NOT_A_VALUE = /(_FILE|_PATH|_DIR|_NAME|_ID|_VERSION|_REF|_URL|_ENDPOINT|_TYPE|_ENABLED|_HEADER|_LENGTH|_TTL|_EXPIRY|_TIMEOUT)$/i;
/** Values that stand for one to be filled in: INSERT_TOKEN_HERE, <password>, YOUR_API_KEY. */
const STAND_IN = /^([A-Z0-9]+(_[A-Z0-9]+)+|<[^>]*>|\{\{.*\}\})$/;
/** A private key in PEM form, whatever the variable is called. */
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** Credentials written as env values, and Secrets read into env. */
export const secretPracticesCheck: Check = {
  name: 'secret-practices',
  rules: [secretInEnvRule, secretFromEnvRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const fromEnv = ctx.isEnabled(secretFromEnvRule);
    for (const c of definedContainers(pod)) {
      for (const [entry] of mapItems(valueOf(c.node, 'env'))) {
        const name = scalarString(valueOf(entry, 'name'));
        const valueNode = valueOf(entry, 'value');
        if (name !== undefined && isScalar(valueNode) && typeof valueNode.value === 'string' && looksLikeLiteralSecret(name, valueNode.value)) {
          ctx.report(secretInEnvRule, {
            message: sentence(`${containerLabel(c)} sets \`${name}\` to a value written in the manifest: a credential there is in every copy of it (the repository, CI logs, anyone who may read the object) and rotating it takes a commit. Keep it in a Secret and read it with valueFrom.secretKeyRef.`),
            ...spanOf(valueNode)!,
          });
        }
        if (!fromEnv) continue;
        const secretRef = pairOf(valueOf(entry, 'valueFrom'), 'secretKeyRef');
        const refSpan = secretRef ? spanOf(secretRef.key) : undefined;
        if (refSpan) {
          ctx.report(secretFromEnvRule, {
            message: sentence(`${containerLabel(c)} reads a Secret into \`${name ?? 'an environment variable'}\`: every child process sees it, and crash reports and debug pages often print the environment. Prefer mounting the Secret as a file.`),
            ...refSpan,
          });
        }
      }
      if (!fromEnv) continue;
      for (const [source] of mapItems(valueOf(c.node, 'envFrom'))) {
        const span = keySpan(source, 'secretRef');
        if (!span) continue;
        ctx.report(secretFromEnvRule, {
          message: sentence(`${containerLabel(c)} reads a whole Secret into its environment (envFrom.secretRef): every child process sees every key, and crash reports often print the environment. Prefer mounting the Secret as a file.`),
          ...span,
        });
      }
    }
  },
};

/** A value that is a credential itself: a PEM private key, or a non-trivial value under a credential's name. */
function looksLikeLiteralSecret(name: string, value: string): boolean {
  if (PEM_PRIVATE_KEY.test(value)) return true;
  if (!SECRET_NAME.test(name) || NOT_A_VALUE.test(name)) return false;
  const trimmed = value.trim();
  // Empty values, placeholders filled in by tooling ($(VAR), ${VAR}) and paths are not credentials.
  if (trimmed.length < 3 || hasPlaceholder(trimmed) || STAND_IN.test(trimmed) || /\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(trimmed) || trimmed.startsWith('/')) return false;
  // Switches and sizes (true, false, 3600) say how a credential is used, not what it is.
  return !/^(true|false|yes|no|on|off|none|null|\d+)$/i.test(trimmed);
}
