import { fieldGate, gateStage, stageWords } from '../../versions/featureGates';
import { fieldAlwaysThere, fieldExistsIn, fieldSince } from '../../versions/fieldVersions';
import { code } from '../markdown';
import type { HoverSection } from '../section';

/**
 * On a field's key: since which Kubernetes version the field exists and, for a field behind a feature gate, the
 * gate's stage in the targeted version (`podsmith.kubernetesVersion`). Says nothing of a field every targeted
 * version has and no gate governs.
 */
export const versionSection: HoverSection = {
  id: 'version',
  render(ctx) {
    if (!ctx.onKey || !ctx.parentDefinition || ctx.field === undefined) return undefined;
    const definition = ctx.parentDefinition;
    const field = ctx.field;
    const target = ctx.req.settings.kubernetesVersion;
    const since = fieldSince(definition, field);
    if (since === undefined) return undefined;
    if (fieldExistsIn(definition, field, target) === false) {
      return `**Not in Kubernetes ${target}** (your podsmith.kubernetesVersion): ${code(field)} exists from Kubernetes ${since}.`;
    }
    const gated = fieldGate(definition, field);
    const state = gated && gateStage(gated.gate, target);
    const always = fieldAlwaysThere(definition, field);
    if (always && !state) return undefined;
    const parts = [always ? `In every Kubernetes version Podsmith targets (${since} and later)` : `Since Kubernetes ${since}`];
    if (gated && state) {
      let stage = `feature gate ${code(gated.gate)}: ${stageWords(state)} in ${target} (your target)`;
      if (!state.onByDefault) stage += ', so the API server drops the field unless the cluster turns the gate on';
      parts.push(stage);
    }
    return `${parts.join(' · ')}.`;
  },
};
