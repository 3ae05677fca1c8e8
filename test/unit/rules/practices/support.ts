import { lines } from '../support';

/** A Deployment with one container `web` (image web:1.4.2); `container` lines go at the container's indentation. */
export function deploymentWith(container: readonly string[], spec: readonly string[] = [], podSpec: readonly string[] = []): string {
  return lines(
    'apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', ...spec.map((l) => `  ${l}`), '  selector:', '    matchLabels: {app: web}', '  template:',
    '    metadata:', '      labels: {app: web}', '    spec:', ...podSpec.map((l) => `      ${l}`), '      containers:', '        - name: web', '          image: web:1.4.2', ...container.map((l) => `          ${l}`),
  );
}

/** The same text with the container's name marked «web»: where findings about the whole container point. */
export function atName(text: string): string {
  return text.replace('- name: web', '- name: «web»');
}
