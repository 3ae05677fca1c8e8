import { nodeAtPath, pairOf, scalarString } from '../../document/yamlTree';
import { podModelOf } from '../../pod/podModel';
import type { Check, RuleDescriptor } from '../../core/rule';
import { keySpan, spanOf } from '../support';

/**
 * Job and CronJob practices: finished Jobs cleaned up, missed schedules not piling up, runs that do not overlap
 * by accident. What the API server rejects about them is in rules/workloads.ts.
 */

export const jobTtlMissingRule: RuleDescriptor = {
  id: 'job-ttl-missing',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'A finished Job and its Pods stay in the cluster until someone deletes them; without ttlSecondsAfterFinished they pile up in the API server and in every listing.',
  example: 'kind: Job\nspec:\n  template: ...',
  fix: 'Set spec.ttlSecondsAfterFinished (for example 86400) so the Job is deleted a day after it finishes.',
};

export const cronJobDeadlineRule: RuleDescriptor = {
  id: 'cronjob-starting-deadline',
  defaultSeverity: 'warning',
  profile: 'strict',
  rationale: 'Without startingDeadlineSeconds a CronJob whose controller was down starts a missed run however late, and after 100 missed schedules it stops scheduling altogether.',
  example: 'kind: CronJob\nspec:\n  schedule: "*/5 * * * *"',
  fix: 'Set spec.startingDeadlineSeconds to how late a run may still start (for example 300).',
};

export const cronJobConcurrencyRule: RuleDescriptor = {
  id: 'cronjob-concurrency',
  defaultSeverity: 'information',
  profile: 'strict',
  rationale: 'concurrencyPolicy defaults to Allow: a run that takes longer than the schedule\'s interval overlaps the next one, and two copies of a job work on the same data.',
  example: 'kind: CronJob\nspec:\n  schedule: "*/5 * * * *"',
  fix: 'Set spec.concurrencyPolicy: Forbid (skip a run while one is going) or Replace, or Allow on purpose.',
};

/** Finished Jobs cleaned up; CronJob deadlines and overlapping runs. */
export const jobPracticesCheck: Check = {
  name: 'job-practices',
  rules: [jobTtlMissingRule, cronJobDeadlineRule, cronJobConcurrencyRule],
  appliesTo: 'pod',
  run(ctx) {
    const pod = podModelOf(ctx.doc);
    if (!pod) return;
    const spec = nodeAtPath(ctx.doc.root, ['spec']);
    const specSpan = keySpan(ctx.doc.root, 'spec');
    if (!specSpan) return;
    if (pod.workload.kind === 'Job') {
      // A Job a CronJob creates is cleaned up by its history limits; a Job written alone has only the TTL.
      if (!pairOf(spec, 'ttlSecondsAfterFinished')) {
        ctx.report(jobTtlMissingRule, {
          message: 'This Job has no ttlSecondsAfterFinished: once finished, it and its Pods stay in the cluster until someone deletes them. Set spec.ttlSecondsAfterFinished (for example 86400).',
          ...specSpan,
        });
      }
    }
    if (pod.workload.kind !== 'CronJob') return;
    if (!pairOf(spec, 'startingDeadlineSeconds')) {
      ctx.report(cronJobDeadlineRule, {
        message: 'This CronJob has no startingDeadlineSeconds: after its controller was down it starts a missed run however late, and after 100 missed schedules it stops scheduling. Set spec.startingDeadlineSeconds (for example 300).',
        ...specSpan,
      });
    }
    if (!pairOf(spec, 'concurrencyPolicy')) {
      const schedule = scalarString(nodeAtPath(ctx.doc.root, ['spec', 'schedule']));
      ctx.report(cronJobConcurrencyRule, {
        message: `concurrencyPolicy is not set, so it is Allow: a run that takes longer than the schedule${schedule ? ` (${schedule})` : ''}'s interval overlaps the next one. Set Forbid or Replace, or Allow on purpose.`,
        ...(spanOf(nodeAtPath(ctx.doc.root, ['spec', 'schedule'])) ?? specSpan),
      });
    }
  },
};
