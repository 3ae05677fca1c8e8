import { objectOf, sameNamespace, selects, serviceOf } from '../../workspace/objects';
import type { IndexedPod } from '../../workspace/workspaceIndex';
import type { RuleDescriptor } from '../../core/rule';
import type { LinkCheck } from './linkCheck';

export const serviceSelectsNothingRule: RuleDescriptor = {
  id: 'service-selects-nothing',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A Service whose selector matches the labels of no Pod template in the workspace sends its traffic nowhere: it has no endpoints.',
  example: 'kind: Service\nspec:\n  selector: {app: shop-api}   # the Deployment\'s Pods are labelled app: shop',
  fix: 'Use the labels of the Pod template (spec.template.metadata.labels of the workload), not the workload\'s own labels; the message names the templates and their labels.',
};

export const serviceTargetPortRule: RuleDescriptor = {
  id: 'service-target-port',
  defaultSeverity: 'warning',
  profile: 'recommended',
  rationale: 'A Service targetPort that no container of the selected Pods declares: a port name that is not there leaves the Service with no endpoint for that port.',
  example: 'ports: [{port: 80, targetPort: htttp}]   # the container port is named http',
  fix: 'Name a port the containers declare (the message lists them), or declare the port in the container.',
};

export const serviceLinkCheck: LinkCheck = {
  name: 'services',
  rules: [serviceSelectsNothingRule, serviceTargetPortRule],
  run(ctx) {
    const service = objectOf(ctx.doc);
    const summary = serviceOf(ctx.doc);
    if (!service || !summary) return;
    const { selector } = summary;
    const candidates = ctx.index.pods().filter((p) => sameNamespace(p.object.namespace, service.namespace));
    // With no Pod template in the workspace there is nothing to compare with: the Pods may come from elsewhere.
    if (!candidates.length) return;
    const selected = candidates.filter((p) => selects(selector, p.podLabels));
    if (!selected.length) {
      const described = candidates.slice(0, 4).map((p) => `${p.object.kind} "${p.object.name ?? '?'}" (${[...p.podLabels].map(([k, v]) => `${k}: ${v}`).join(', ') || 'no labels'})`);
      ctx.report(serviceSelectsNothingRule, {
        start: summary.selectorRange[0],
        end: summary.selectorRange[1],
        message: `This selector (${[...selector].map(([k, v]) => `${k}: ${v}`).join(', ')}) matches the Pod labels of no workload in the workspace, so the Service has no endpoints. Pod templates here: ${described.join('; ')}${candidates.length > 4 ? '; ...' : ''}.`,
      });
      return;
    }
    const declared = declaredPorts(selected);
    for (const { written, range } of summary.targets) {
      const isName = typeof written === 'string' && !/^\d+$/.test(written);
      if (isName ? declared.names.has(written as string) : declared.numbers.has(Number(written))) continue;
      const list = [...declared.names].map((n) => `${n}`).concat([...declared.numbers].map(String));
      ctx.report(serviceTargetPortRule, {
        start: range[0],
        end: range[1],
        // A number no container declares may still be listened on (declaring ports is informational); a name must be declared.
        severity: isName ? undefined : 'information',
        message: isName
          ? `No container of the selected Pods (${selected.map((p) => p.object.name ?? '?').join(', ')}) declares a port named "${written}", so this Service port has no endpoints. Declared: ${list.join(', ') || 'none'}.`
          : `No container of the selected Pods declares port ${String(written)}; the Service reaches it only if the container listens there anyway. Declared: ${list.join(', ') || 'none'}.`,
      });
    }
  },
};

/** The container ports (names and numbers) of the selected Pods. */
function declaredPorts(pods: readonly IndexedPod[]): { names: Set<string>; numbers: Set<number> } {
  const names = new Set<string>();
  const numbers = new Set<number>();
  for (const pod of pods) {
    for (const port of pod.ports) {
      if (port.name) names.add(port.name);
      if (port.containerPort !== undefined) numbers.add(port.containerPort);
    }
  }
  return { names, numbers };
}

