import { lines, ruleTable } from '../support';

const job = (...spec: string[]) => lines('apiVersion: batch/v1', 'kind: Job', 'metadata: {name: migrate}', '«spec»:', ...spec.map((l) => `  ${l}`), '  template:', '    spec:', '      restartPolicy: Never', '      containers: [{name: migrate, image: migrate:1.4.2}]');
const cron = (...spec: string[]) =>
  lines('apiVersion: batch/v1', 'kind: CronJob', 'metadata: {name: report}', '«spec»:', ...spec.map((l) => `  ${l}`), '  jobTemplate:', '    spec:', '      template:', '        spec:', '          restartPolicy: OnFailure', '          containers: [{name: report, image: report:1.4.2}]');
const plain = (text: string) => text.replace(/[«»]/g, '');

describe('rules: Job and CronJob practices', () => {
  ruleTable('job-ttl-missing', 2, [
    { title: 'a Job without ttlSecondsAfterFinished', manifest: job(), says: /no ttlSecondsAfterFinished/ },
    { title: 'silent: set', manifest: plain(job('ttlSecondsAfterFinished: 86400')) },
    { title: "silent: a CronJob's Jobs (history limits clean them)", manifest: plain(cron('schedule: "@daily"', 'startingDeadlineSeconds: 300', 'concurrencyPolicy: Forbid')) },
  ]);
  ruleTable('cronjob-starting-deadline', 2, [
    { title: 'no startingDeadlineSeconds', manifest: cron('schedule: "@daily"', 'concurrencyPolicy: Forbid'), says: /no startingDeadlineSeconds/ },
    { title: 'silent: set', manifest: plain(cron('schedule: "@daily"', 'startingDeadlineSeconds: 300')) },
  ]);
  ruleTable('cronjob-concurrency', 3, [
    { title: 'no concurrencyPolicy: on the schedule', manifest: cron('schedule: «"*/5 * * * *"»', 'startingDeadlineSeconds: 300').replace('«spec»', 'spec'), says: /\(\*\/5 \* \* \* \*\)'s interval/ },
    { title: 'silent: Forbid', manifest: plain(cron('schedule: "@daily"', 'concurrencyPolicy: Forbid')) },
  ]);
});
