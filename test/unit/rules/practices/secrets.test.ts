import { ruleTable } from '../support';
import { deploymentWith } from './support';

const env = (...entries: string[]) => deploymentWith(['env:', ...entries.map((l) => `  ${l}`)]);

describe('rules: secret practices', () => {
  ruleTable('secret-in-env', 2, [
    { title: 'a literal password', manifest: env('- name: DB_PASSWORD', '  value: «s3cr3t-pa55»'), says: /sets `DB_PASSWORD` to a value written in the manifest/ },
    { title: 'an API key and a token', manifest: env('- {name: STRIPE_API_KEY, value: «sk_live_abc123»}', '- {name: githubToken, value: «ghp_0123456789»}') },
    { title: 'a PEM private key under any name', manifest: env('- name: TLS', '  value: «"-----BEGIN RSA PRIVATE KEY-----\\nMIIB"»') },
    { title: 'silent: read from a Secret', manifest: env('- name: DB_PASSWORD', '  valueFrom: {secretKeyRef: {name: db, key: password}}') },
    { title: 'silent: a path, a name, an id, a switch', manifest: env('- {name: DB_PASSWORD_FILE, value: /run/secrets/db}', '- {name: SECRET_NAME, value: db-creds}', '- {name: SECRET_ID, value: bq-key}', '- {name: TOKEN_AUTH_ENABLED, value: "true"}', '- {name: API_KEY, value: "false"}') },
    { title: 'silent: placeholders filled in later', manifest: env('- {name: API_TOKEN, value: $(TOKEN)}', '- {name: API_KEY, value: "${API_KEY}"}', '- {name: AUTH_TOKEN, value: INSERT_TOKEN_HERE}', '- {name: PASSWORD, value: "<password>"}') },
    { title: 'silent: an ordinary variable', manifest: env('- {name: LOG_LEVEL, value: debug}') },
  ]);
  ruleTable('secret-from-env', 3, [
    { title: 'secretKeyRef and envFrom secretRef', manifest: env('- name: DB_PASSWORD', '  valueFrom: {«secretKeyRef»: {name: db, key: password}}') + '          envFrom:\n            - «secretRef»: {name: api}\n', says: /reads .*Secret/ },
    { title: 'silent: a configMap', manifest: env('- name: MODE', '  valueFrom: {configMapKeyRef: {name: cfg, key: mode}}') },
  ]);
});
