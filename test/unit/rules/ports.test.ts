import assert from 'node:assert/strict';
import { findings, lines, ruleTable, unmark } from './support';

const pod = (...spec: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: web', 'spec:', ...spec);

describe('rules: ports', () => {
  ruleTable('port-range', 1, [
    { title: 'containerPort above 65535', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - containerPort: «80800»'), says: /containerPort 80800 of container `web` is out of range/ },
    { title: 'hostPort 0 is none', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - containerPort: 80', '          hostPort: 0') },
    { title: 'negative hostPort', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - containerPort: 80', '          hostPort: «-1»'), says: /hostPort -1/ },
  ]);

  ruleTable('host-port-conflict', 1, [
    { title: 'two containers claim hostPort 8080', manifest: pod('  containers:', '    - name: a', '      image: a:1', '      ports: [{containerPort: 80, hostPort: 8080}]', '    - name: b', '      image: b:1', '      ports: [{containerPort: 81, hostPort: «8080»}]'), says: /hostPort 8080\/TCP is already claimed by container `a`/ },
    { title: 'silent: same hostPort, other protocol', manifest: pod('  containers:', '    - name: a', '      image: a:1', '      ports: [{containerPort: 53, hostPort: 53}]', '    - name: b', '      image: b:1', '      ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]') },
    { title: 'silent: same hostPort on different host IPs', manifest: pod('  containers:', '    - name: a', '      image: a:1', '      ports: [{containerPort: 80, hostPort: 80, hostIP: 10.0.0.1}]', '    - name: b', '      image: b:1', '      ports: [{containerPort: 81, hostPort: 80, hostIP: 10.0.0.2}]') },
  ]);

  ruleTable('host-network-port', 1, [
    { title: 'hostPort differs from containerPort with hostNetwork', manifest: pod('  hostNetwork: true', '  containers:', '    - name: agent', '      image: agent:1', '      ports: [{containerPort: 9100, hostPort: «9101»}]'), says: /hostPort must equal containerPort \(9100\), not 9101/ },
    { title: 'silent: without hostNetwork', manifest: pod('  containers:', '    - name: agent', '      image: agent:1', '      ports: [{containerPort: 9100, hostPort: 9101}]') },
  ]);

  ruleTable('duplicate-port-name', 1, [
    { title: 'two ports named http', manifest: pod('  containers:', '    - name: web', '      image: nginx:1.27', '      ports:', '        - {name: http, containerPort: 80}', '        - {name: «http», containerPort: 8080}'), says: /^Container `web` already has a port named `http`/ },
    { title: 'silent: the same name in two containers', manifest: pod('  containers:', '    - name: a', '      image: a:1', '      ports: [{name: http, containerPort: 80}]', '    - name: b', '      image: b:1', '      ports: [{name: http, containerPort: 81}]') },
  ]);

  ruleTable('shared-container-port', 2, [
    { title: 'two containers listen on 8080/TCP', manifest: pod('  containers:', '    - name: web', '      image: a:1', '      ports: [{containerPort: 8080}]', '    - name: metrics', '      image: b:1', '      ports: [{containerPort: «8080»}]'), says: /^Container `metrics` and container `web` both declare containerPort 8080\/TCP\. All containers of a Pod share one network namespace \(one IP, one localhost\)/ },
    { title: 'silent: same number, other protocol', manifest: pod('  containers:', '    - name: dns', '      image: a:1', '      ports: [{containerPort: 53}]', '    - name: dns-udp', '      image: b:1', '      ports: [{containerPort: 53, protocol: UDP}]') },
    { title: 'silent: an init container that has exited', manifest: pod('  initContainers:', '    - name: setup', '      image: a:1', '      ports: [{containerPort: 8080}]', '  containers:', '    - name: web', '      image: b:1', '      ports: [{containerPort: 8080}]') },
    { title: 'a native sidecar is still running when a later init step binds its port', manifest: pod('  initContainers:', '    - name: proxy', '      image: a:1', '      restartPolicy: Always', '      ports: [{containerPort: 9000}]', '    - name: migrate', '      image: b:1', '      ports: [{containerPort: «9000»}]', '  containers:', '    - name: web', '      image: c:1'), says: /^Init container `migrate` and native sidecar `proxy` both declare containerPort 9000\/TCP\. Native sidecar `proxy` keeps running while the later init steps run/ },
    { title: 'silent: an init step that ends before the native sidecar starts', manifest: pod('  initContainers:', '    - name: migrate', '      image: b:1', '      ports: [{containerPort: 9000}]', '    - name: proxy', '      image: a:1', '      restartPolicy: Always', '      ports: [{containerPort: 9000}]', '  containers:', '    - name: web', '      image: c:1') },
  ]);

  it('shared-container-port names the other container as related', () => {
    const { text } = unmark(pod('  containers:', '    - name: web', '      image: a:1', '      ports: [{containerPort: 8080}]', '    - name: metrics', '      image: b:1', '      ports: [{containerPort: 8080}]'));
    const [d] = findings(text, 'shared-container-port');
    assert.deepEqual(d.relatedInformation?.map((r) => [r.location.range.start.line, r.location.range.start.character, r.message]), [[8, 30, 'container `web` declares 8080/TCP here']]);
  });
});
