/**
 * Node labels every cluster sets: offered as nodeSelector keys (the Pod is scheduled onto matching nodes) and as
 * topology keys.
 */
export const WELL_KNOWN_NODE_LABELS: [string, string][] = [
  ['kubernetes.io/os', 'linux or windows'],
  ['kubernetes.io/arch', 'amd64, arm64...'],
  ['kubernetes.io/hostname', 'one node by name'],
  ['topology.kubernetes.io/zone', 'a zone of the cloud region'],
  ['topology.kubernetes.io/region', 'a cloud region'],
  ['node.kubernetes.io/instance-type', 'the machine type of the node'],
];
