import { yaml } from '../support/service';

/**
 * A CRD of one served version whose `spec` has the given fields: `specFields` are the lines under
 * `spec.properties`, indented from column 0 (each is indented to its place here).
 */
export function crdWithSpec(group: string, kind: string, plural: string, version: string, ...specFields: string[]): string {
  return yaml(
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    `metadata: {name: ${plural}.${group}}`,
    'spec:',
    `  group: ${group}`,
    '  scope: Namespaced',
    `  names: {kind: ${kind}, plural: ${plural}}`,
    '  versions:',
    `    - name: ${version}`,
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    '          type: object',
    '          properties:',
    '            spec:',
    '              type: object',
    '              properties:',
    ...specFields.map((line) => `                ${line}`),
  );
}
