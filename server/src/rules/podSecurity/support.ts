import { podModelOf } from '../../pod/podModel';
import type { ControlGroup, Violation } from '../../pod/podSecurity';
import { podSecurityViolations } from '../../pod/podSecurity';
import type { PodSecurityLevel } from '../../core/settings';
import type { Check, RuleDescriptor } from '../../core/rule';

/**
 * What the Pod Security Standard checks share: they run only when `podsmith.podSecurityStandard` names a level,
 * report the violations of their control group that the level forbids, and word each finding the same way:
 * the level and the control first, then what is wrong and how to fix it.
 */
export function podSecurityCheck(name: string, group: ControlGroup, rules: readonly RuleDescriptor[]): Check {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    name,
    rules,
    appliesTo: 'pod',
    run(ctx) {
      const level = ctx.settings.podSecurityStandard;
      if (level === 'off' || !rules.some((r) => ctx.isEnabled(r))) return;
      const pod = podModelOf(ctx.doc);
      if (!pod) return;
      for (const v of podSecurityViolations(pod, { doc: ctx.doc, version: ctx.settings.kubernetesVersion })) {
        const rule = byId.get(v.ruleId);
        if (!rule || (level === 'baseline' && v.level !== 'baseline')) continue;
        ctx.report(rule, { message: messageOf(v, level, pod.workload.kind), start: v.start, end: v.end, data: { level: v.level, control: v.control } });
      }
    },
  };
}

/** `Pod Security Standard restricted, control "Running as Non-root": <problem> <consequence> <fix>` */
export function messageOf(v: Violation, configured: Exclude<PodSecurityLevel, 'off'>, kind = 'Pod'): string {
  const level = v.level === 'baseline' && configured === 'restricted' ? 'baseline (so also restricted)' : v.level;
  const problem = v.problem.charAt(0).toUpperCase() + v.problem.slice(1);
  // Admission enforces the level on Pods; a workload is admitted, and the Pods its controller creates are rejected.
  const rejected = kind === 'Pod' ? 'the Pod' : `the Pods this ${kind} creates`;
  return `Pod Security Standard ${level}, control "${v.control}": ${problem} A namespace that enforces this level rejects ${rejected}. ${v.fix}`;
}

/** A rule of one control: its id, its rationale, an example and the fix, for the settings and docs/rules.md. */
export function controlRule(id: string, rationale: string, example: string, fix: string): RuleDescriptor {
  // Pod Security admission rejects what these rules report: they belong to the api profile, and run only when
  // podsmith.podSecurityStandard names a level.
  return { id, defaultSeverity: 'error', profile: 'api', rationale, example, fix };
}
