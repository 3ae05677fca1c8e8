import { isMap, isScalar } from 'yaml';
import { valueOf } from '../document/yamlTree';
import { workloadKindByName } from '../pod/workloadKinds';
import type { Check, CheckContext } from '../core/rule';
import { removedApiVersionRule, unknownApiVersionRule } from './schemaRules';

/**
 * The apiVersion of a pod-carrying kind: the beta versions the API server stopped serving (extensions/v1beta1,
 * apps/v1beta1, apps/v1beta2, batch/v1beta1, batch/v2alpha1) and versions it never served, each with the one to
 * use instead. A kind of the same name in another API group (a custom resource) is left alone.
 */
export const apiVersionCheck: Check = {
  name: 'api-version',
  rules: [removedApiVersionRule, unknownApiVersionRule],
  appliesTo: 'kubernetes',
  run(ctx: CheckContext) {
    const { doc } = ctx;
    const { apiVersion, kind } = doc.identity;
    const workload = workloadKindByName(kind);
    if (!workload || !apiVersion || apiVersion === workload.apiVersion || !isMap(doc.root)) return;
    const node = valueOf(doc.root, 'apiVersion');
    if (!isScalar(node) || !node.range) return;
    const [start, end] = [node.range[0], node.range[1]];
    const data = { replacement: workload.apiVersion, kind: workload.kind };
    const removedIn = workload.removedVersions[apiVersion];
    if (removedIn) {
      const selectorNote = workload.kind === 'Pod' || workload.kind === 'PodTemplate' || workload.kind === 'CronJob' || workload.kind === 'Job'
        ? ''
        : ` ${workload.apiVersion} also requires spec.selector, matching the labels of spec.template.metadata.`;
      ctx.report(removedApiVersionRule, {
        message: `${kind} is no longer served as ${apiVersion} (removed in Kubernetes ${removedIn}): use \`apiVersion: ${workload.apiVersion}\`.${selectorNote}`,
        start,
        end,
        data: { ...data, removedIn },
      });
      return;
    }
    if (!isBuiltInGroup(apiVersion)) return;
    ctx.report(unknownApiVersionRule, {
      message: `${kind} is not served as ${apiVersion}: use \`apiVersion: ${workload.apiVersion}\`.`,
      start,
      end,
      data,
    });
  },
};

/** The API groups of the built-in pod-carrying kinds, past and present: core (`v1`), apps, extensions, batch. */
function isBuiltInGroup(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash === -1) return /^v\d/.test(apiVersion);
  const group = apiVersion.slice(0, slash);
  return group === 'apps' || group === 'extensions' || group === 'batch';
}
