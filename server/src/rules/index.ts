import type { Check, RuleDescriptor } from '../core/rule';
import { apiVersionCheck } from '../schema/apiVersionCheck';
import { schemaCheck } from '../schema/schemaCheck';
import { customResourceDefinitionCheck } from '../schema/customResources/definitionCheck';
import { yamlAliasesCheck } from './yamlAliases';
import { yamlSyntaxCheck } from './yamlSyntax';
// Pod rules: one module per concern.
import { appsCheck } from './apps';
import { batchCheck } from './batch';
import { dnsCheck } from './dns';
import { envCheck } from './env';
import { handlersCheck } from './handlers';
import { imagesCheck } from './images';
import { lifecycleCheck } from './lifecycle';
import { metadataCheck } from './metadata';
import { mountsCheck } from './mounts';
import { namesCheck } from './names';
import { portsCheck } from './ports';
import { probesCheck } from './probes';
import { resourcesCheck } from './resources';
import { resourceSpecCheck } from './resourceSpec';
import { schedulingCheck } from './scheduling';
import { securityContextCheck } from './securityContext';
import { volumesCheck } from './volumes';
import { volumeSourcesCheck } from './volumeSources';
import { workloadNumbersCheck } from './workloadNumbers';
import { workloadsCheck } from './workloads';
// Practices (profiles recommended and strict): what kube-linter, kube-score and Polaris look for, one module per concern.
import { availabilityPracticesCheck } from './practices/availability';
import { hostAccessPracticesCheck } from './practices/hostAccess';
import { jobPracticesCheck } from './practices/jobs';
import { privilegePracticesCheck } from './practices/privileges';
import { probePracticesCheck } from './practices/probes';
import { resourcePracticesCheck } from './practices/resources';
import { secretPracticesCheck } from './practices/secrets';
import { serviceAccountPracticesCheck } from './practices/serviceAccount';
// Pod Security Standards: run only when podsmith.podSecurityStandard names a level.
import { podSecurityConfinementCheck } from './podSecurity/confinement';
import { podSecurityHostAccessCheck } from './podSecurity/hostAccess';
import { podSecurityPrivilegesCheck } from './podSecurity/privileges';
import { podSecurityUsersCheck } from './podSecurity/users';
import { podSecurityVolumesCheck } from './podSecurity/volumes';
// Checks across documents, with the workspace index.
import { LINK_CHECKS } from './links/index';

/**
 * Every check, in the order findings are reported. Add a check here and it runs on every document it applies to;
 * its rules appear in the settings and the rule reference.
 */
export const ALL_CHECKS: readonly Check[] = [
  yamlSyntaxCheck, yamlAliasesCheck, apiVersionCheck, schemaCheck, customResourceDefinitionCheck,
  metadataCheck, namesCheck, volumesCheck, volumeSourcesCheck, mountsCheck, lifecycleCheck, probesCheck, handlersCheck, resourcesCheck, resourceSpecCheck, portsCheck, envCheck, workloadsCheck, imagesCheck, schedulingCheck, securityContextCheck, dnsCheck, appsCheck, batchCheck, workloadNumbersCheck,
  probePracticesCheck, resourcePracticesCheck, hostAccessPracticesCheck, privilegePracticesCheck, secretPracticesCheck,
  serviceAccountPracticesCheck, availabilityPracticesCheck, jobPracticesCheck,
  podSecurityHostAccessCheck, podSecurityVolumesCheck, podSecurityPrivilegesCheck, podSecurityUsersCheck, podSecurityConfinementCheck,
];

/** Every rule, by id: the document checks' and the checks across documents' (rules/links/). */
export const ALL_RULES: ReadonlyMap<string, RuleDescriptor> = new Map(
  [...ALL_CHECKS, ...LINK_CHECKS].flatMap((check) => check.rules.map((rule) => [rule.id, rule] as const)),
);
