import { isMap, isScalar, type YAMLMap } from 'yaml';
import { locate, pairOf } from '../document/yamlTree';
import { podModelOf } from '../pod/podModel';
import { code, keyAt, type FixFamily } from './fix';
import { containerSettingFixes, setIn, settingFix, valueFix } from './podSecurity';
import { removePair } from '../document/yamlEdits';
import { imagePullPolicyRule } from '../rules/images';
import { writableHostPathRule } from '../rules/practices/hostAccess';
import { readOnlyRootFilesystemRule } from '../rules/practices/privileges';
import { automountServiceAccountTokenRule, deprecatedServiceAccountRule } from '../rules/practices/serviceAccount';

/**
 * Quick fixes of the practice rules (rules/practices/) whose remedy is one setting: a read-only root filesystem,
 * no token mounted, images pulled every time, a hostPath mounted read-only, the current spelling of the
 * ServiceAccount field. Settings reuse the Pod Security fixes' writer, which creates a missing parent on the way.
 */

/** readOnlyRootFilesystem: true, on the written value or in the container's securityContext. */
export const readOnlyRootFilesystemFixes = containerSettingFixes([readOnlyRootFilesystemRule], ['securityContext', 'readOnlyRootFilesystem'], 'true');

/** automountServiceAccountToken: false in the Pod spec. */
export const automountTokenFixes: FixFamily = {
  rules: [automountServiceAccountTokenRule],
  fixAll: true,
  fixes(ctx) {
    const written = valueFix(ctx, 'automountServiceAccountToken', 'false');
    if (written.length) return written;
    const spec = podModelOf(ctx.doc)?.podSpec;
    if (!spec) return [];
    return settingFix(`Set ${code('automountServiceAccountToken: false')} (the Pod does not call the API server)`, setIn(ctx, spec, ['automountServiceAccountToken'], 'false'), true);
  },
};

/** imagePullPolicy: Always, on the written value or added to the container. */
export const imagePullPolicyFixes = containerSettingFixes([imagePullPolicyRule], ['imagePullPolicy'], 'Always');

/** A writable hostPath mount: readOnly: true on the mount. */
export const writableHostPathFixes: FixFamily = {
  rules: [writableHostPathRule],
  fixAll: true,
  fixes(ctx) {
    const at = locate(ctx.doc.root, ctx.finding.start);
    const mount = at?.parents[at.parents.length - 1];
    if (!isMap(mount)) return [];
    return settingFix(`Mount it read-only (${code('readOnly: true')})`, setIn(ctx, mount as YAMLMap<unknown, unknown>, ['readOnly'], 'true'), true);
  },
};

/** spec.serviceAccount: renamed to serviceAccountName, or removed where serviceAccountName is already set. */
export const deprecatedServiceAccountFixes: FixFamily = {
  rules: [deprecatedServiceAccountRule],
  fixAll: true,
  fixes(ctx) {
    const key = keyAt(ctx);
    if (!key || !isScalar(key.pair.key) || !key.pair.key.range) return [];
    if (pairOf(key.map, 'serviceAccountName')) {
      const edit = removePair(ctx.text, key.map, key.pair);
      return edit ? [{ title: `Remove ${code('serviceAccount')} (${code('serviceAccountName')} is set)`, edits: [edit], preferred: true }] : [];
    }
    const [start, end] = key.pair.key.range;
    return [{ title: `Rename to ${code('serviceAccountName')}`, edits: [{ start, end, newText: 'serviceAccountName' }], preferred: true }];
  },
};
