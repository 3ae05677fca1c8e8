import { ruleTable } from '../support';
import { deploymentWith } from './support';

describe('rules: ServiceAccount practices', () => {
  ruleTable('deprecated-service-account', 2, [
    { title: 'serviceAccount alone', manifest: deploymentWith([], [], ['«serviceAccount»: shop']), says: /Rename it to serviceAccountName/ },
    { title: 'both, disagreeing', manifest: deploymentWith([], [], ['«serviceAccount»: old', 'serviceAccountName: shop']), says: /serviceAccountName wins/ },
    { title: 'silent: serviceAccountName', manifest: deploymentWith([], [], ['serviceAccountName: shop']) },
  ]);
  ruleTable('automount-service-account-token', 2, [
    { title: 'not written: on the first key of the Pod spec', manifest: deploymentWith([], [], ['«serviceAccountName»: shop']), says: /Nothing sets automountServiceAccountToken: false/ },
    { title: 'written true', manifest: deploymentWith([], [], ['serviceAccountName: shop', 'automountServiceAccountToken: «true»']) },
    { title: 'silent: false', manifest: deploymentWith([], [], ['serviceAccountName: shop', 'automountServiceAccountToken: false']) },
  ]);
  ruleTable('default-service-account', 3, [
    { title: 'no serviceAccountName', manifest: deploymentWith([], [], ['«automountServiceAccountToken»: false']), says: /default ServiceAccount/ },
    { title: 'serviceAccountName: default', manifest: deploymentWith([], [], ['serviceAccountName: «default»']) },
    { title: 'silent: its own account', manifest: deploymentWith([], [], ['serviceAccountName: shop']) },
  ]);
});
