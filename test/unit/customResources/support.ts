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

const CONTAINER = '{type: object, required: [name], properties: {name: {type: string}, image: {type: string}, ports: {type: array, items: {type: object, properties: {containerPort: {type: integer}}}}}}';
/** A CRD whose schema puts a pod template at `spec.worker.template`: the Pod there is checked as a Deployment's. */
export const TRAINER_CRD = crdWithSpec(
  'ml.example.com',
  'Trainer',
  'trainers',
  'v1',
  'epochs: {type: integer, description: How many passes over the data.}',
  'worker:',
  '  type: object',
  '  properties:',
  '    template:',
  '      type: object',
  '      properties:',
  '        metadata: {type: object, x-kubernetes-preserve-unknown-fields: true}',
  '        spec:',
  '          type: object',
  '          x-kubernetes-preserve-unknown-fields: true',
  '          properties:',
  `            containers: {type: array, items: ${CONTAINER}}`,
);
