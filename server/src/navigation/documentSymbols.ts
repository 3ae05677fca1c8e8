import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { ManifestDocument } from '../document/manifestDocument';
import { nodeAtPath, scalarString } from '../document/yamlTree';
import { podModelOf, type ContainerModel } from '../pod/podModel';
import { containerRoles, type RoleInfo } from '../pod/roles';
import type { ParsedSource } from '../core/featureRequest';

/**
 * The Outline: each document as `Kind name`, and for a Pod its containers (by role, in start order), their ports,
 * and its volumes beneath. Breadcrumbs follow the same tree.
 */
export function documentSymbols(source: ParsedSource): DocumentSymbol[] {
  const { textDocument, file } = source;
  if (file.tooLarge) return [];
  const symbols: DocumentSymbol[] = [];
  for (const doc of file.documents) {
    if (!doc.root?.range) continue;
    const rangeOf = (start: number, end: number): Range => ({
      start: textDocument.positionAt(doc.offset + start),
      end: textDocument.positionAt(doc.offset + end),
    });
    const symbol = documentSymbol(doc, rangeOf);
    if (symbol) symbols.push(symbol);
  }
  return symbols;
}

type RangeOf = (start: number, end: number) => Range;

function documentSymbol(doc: ManifestDocument, rangeOf: RangeOf): DocumentSymbol | undefined {
  const root = doc.root!;
  const kind = doc.identity.kind;
  const nameNode = nodeAtPath(root, ['metadata', 'name']) ?? nodeAtPath(root, ['metadata', 'generateName']);
  const name = scalarString(nameNode);
  const title = [kind ?? `Document ${doc.index + 1}`, name].filter(Boolean).join(' ');
  const whole = rangeOf(root.range![0], root.range![1]);
  const anchor = (nameNode ?? nodeAtPath(root, ['kind']))?.range;
  const symbol: DocumentSymbol = {
    name: title,
    detail: doc.identity.apiVersion ?? '',
    kind: SymbolKind.Class,
    range: whole,
    selectionRange: anchor ? rangeOf(anchor[0], anchor[1]) : whole,
    children: [],
  };
  const pod = podModelOf(doc);
  if (!pod) return symbol;
  const roles = containerRoles(pod);
  for (const container of pod.containers) symbol.children!.push(containerSymbol(container, roles.get(container), rangeOf));
  for (const volume of pod.volumes) {
    const range = volume.node.range!;
    const at = volume.nameNode?.range ?? range;
    symbol.children!.push({
      name: volume.name ?? `volume ${volume.index + 1}`,
      detail: volume.sources.length ? `volume (${volume.sources.join(', ')})` : 'volume',
      kind: SymbolKind.File,
      range: rangeOf(range[0], range[1]),
      selectionRange: rangeOf(at[0], at[1]),
    });
  }
  return symbol;
}

const ROLE_WORDS: Record<RoleInfo['role'], string> = {
  app: 'app container',
  init: 'init container',
  'native-sidecar': 'native sidecar',
  ephemeral: 'ephemeral container',
  sidecar: 'sidecar',
  ambassador: 'ambassador',
  adapter: 'adapter',
};

function containerSymbol(container: ContainerModel, role: RoleInfo | undefined, rangeOf: RangeOf): DocumentSymbol {
  const range = container.node.range!;
  const at = container.nameNode?.range ?? range;
  const roleWords = role ? ROLE_WORDS[role.role] + (role.step !== undefined ? `, step ${role.step}` : '') : container.list;
  const children: DocumentSymbol[] = container.ports.map((port) => {
    const r = port.node.range!;
    const number = port.containerPort !== undefined ? `${port.containerPort}/${port.protocol}` : 'port';
    return {
      name: port.name ? `${port.name} (${number})` : number,
      kind: SymbolKind.Interface,
      range: rangeOf(r[0], r[1]),
      selectionRange: rangeOf(r[0], r[1]),
    };
  });
  return {
    name: container.name ?? `${container.list}[${container.index}]`,
    detail: [roleWords, container.image].filter(Boolean).join(' · '),
    kind: SymbolKind.Module,
    range: rangeOf(range[0], range[1]),
    selectionRange: rangeOf(at[0], at[1]),
    children,
  };
}
