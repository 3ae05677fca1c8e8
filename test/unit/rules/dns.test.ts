import { lines, ruleTable } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '«spec»:', '  containers:', '    - name: app', '      image: app:1.0', ...spec);
/** The same Pod without a marker on `spec`. */
const plainPod = (...spec: string[]) => pod(...spec).replace('«spec»', 'spec');

describe('rules: DNS (upstream validatePodDNSConfig, validateHostAliases, ValidatePodSpec hostname and subdomain)', () => {
  ruleTable('dns-config', 1, [
    { title: 'dnsPolicy None without dnsConfig lands on the PodSpec', manifest: pod('  dnsPolicy: None'), says: /dnsPolicy None takes every DNS setting from dnsConfig, and this Pod has none/ },
    { title: 'in a Deployment, on the template spec', manifest: lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: d}', 'spec:', '  selector: {matchLabels: {app: d}}', '  template:', '    metadata: {labels: {app: d}}', '    «spec»:', '      dnsPolicy: None', '      containers: [{name: a, image: "a:1"}]') },
    { title: 'dnsPolicy None with no nameserver', manifest: plainPod('  dnsPolicy: None', '  dnsConfig:', '    «nameservers»: []', '    searches: [svc.cluster.local]'), says: /needs at least one nameserver/ },
    { title: 'four nameservers and a host name among them', manifest: plainPod('  dnsConfig:', '    «nameservers»: [1.1.1.1, 8.8.8.8, 9.9.9.9, «dns.example.com»]') },
    { title: 'a search domain with upper case and one with a space', manifest: plainPod('  dnsConfig:', '    searches: [«Example.com», «"my domain"»]'), says: /not a DNS name/ },
    { title: 'an underscore before 1.33', manifest: plainPod('  dnsConfig:', '    searches: [«_sip.example.com»]'), settings: { kubernetesVersion: '1.32' } },
    { title: 'more than 32 search domains', manifest: plainPod('  dnsConfig:', `    «searches»: [${Array.from({ length: 33 }, (_, i) => `d${i}.example.com`).join(', ')}]`), says: /33 search domains; the API server accepts at most 32/ },
    { title: 'search domains over 2048 characters', manifest: plainPod('  dnsConfig:', `    «searches»: [${Array.from({ length: 9 }, (_, i) => `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}${i}.com`).join(', ')}]`), says: /characters joined by spaces/ },
    { title: 'an option without a name', manifest: plainPod('  dnsConfig:', '    options:', '      - «value»: "2"'), says: /needs a name/ },
    { title: 'silent: dnsPolicy None with a full dnsConfig, IPv6, trailing dots, "." and underscores at 1.35', manifest: plainPod('  dnsPolicy: None', '  dnsConfig:', '    nameservers: [10.96.0.10, "2001:db8::53", 010.1.1.1]', '    searches: [ns1.svc.cluster.local., ".", _srv.example.com]', '    options:', '      - name: ndots', '        value: "2"', '      - name: edns0'), settings: { kubernetesVersion: '1.35' } },
  ]);

  ruleTable('host-aliases', 1, [
    { title: 'an ip that is a name', manifest: plainPod('  hostAliases:', '    - ip: «localhost»', '      hostnames: [db]'), says: /not an IP address/ },
    { title: 'an empty ip and a host name with an underscore', manifest: plainPod('  hostAliases:', '    - ip: «""»', '      hostnames: [«db_primary»]') },
    { title: 'silent: IPv4 and IPv6 entries', manifest: plainPod('  hostAliases:', '    - ip: 127.0.0.1', '      hostnames: [foo.local, bar.local]', '    - ip: "::1"', '      hostnames: [db]') },
  ]);

  ruleTable('pod-hostname', 1, [
    { title: 'a hostname with an underscore and a subdomain with a dot', manifest: plainPod('  hostname: «db_primary»', '  subdomain: «db.internal»'), says: /not a DNS-1123 label/ },
    { title: 'silent: a hostname and subdomain that are labels', manifest: plainPod('  hostname: db-0', '  subdomain: db') },
    { title: 'a hostnameOverride with an underscore', manifest: plainPod('  hostnameOverride: «db_primary.example.com»'), settings: { kubernetesVersion: '1.35' }, says: /not a valid hostname/ },
    { title: 'a hostnameOverride beside setHostnameAsFQDN', manifest: plainPod('  hostnameOverride: «db.example.com»', '  setHostnameAsFQDN: true'), settings: { kubernetesVersion: '1.35' }, says: /cannot be true beside it/ },
    { title: 'a hostnameOverride over 64 characters', manifest: plainPod(`  hostnameOverride: «${'h'.repeat(65)}»`), settings: { kubernetesVersion: '1.35' }, says: /at most 64/ },
    { title: 'silent: a hostnameOverride that is a subdomain', manifest: plainPod('  hostnameOverride: db-primary.example.com'), settings: { kubernetesVersion: '1.35' } },
  ]);
});
