import { definedContainers } from '../../pod/podModel';
import { amount, code, containerName, joinWords } from '../markdown';
import type { HoverSection } from '../section';

/** On the placement fields (nodeSelector, affinity, tolerations, spread, priority...): the Pod is scheduled as a unit. */
export const schedulingSection: HoverSection = {
  id: 'scheduling',
  render(ctx) {
    const { pod } = ctx;
    if (!pod || ctx.container || !ctx.inPodSpec || ctx.nearest?.annotation.concept !== 'scheduling') return undefined;
    const running = definedContainers(pod);
    const names = running.map((c) => code(containerName(c)));
    // With one container there is no "together": the field decides where that container runs.
    const placed = names.length > 1
      ? `places all ${names.length} containers (${names.length > 12 ? `${names.slice(0, 12).join(', ')}…` : joinWords(names)}) together on that node`
      : `decides where ${names.length ? `its container ${names[0]}` : 'its containers'} run${names.length ? 's' : ''}`;
    const lines = [`**The Pod is scheduled as a unit:** the scheduler picks one node for the whole Pod, so this ${placed}.`];
    const requests = [...(ctx.effective()?.requests ?? [])].filter(([, r]) => r.value !== undefined);
    if (requests.length) {
      lines.push(`That node also needs room for the Pod's effective requests: ${requests.map(([name, r]) => amount(name, r.value!)).join(', ')}.`);
    }
    return lines.join('\n\n');
  },
};
