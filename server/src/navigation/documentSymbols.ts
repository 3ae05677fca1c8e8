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
    // Kept with the document's text: the Outline of a large file is asked for after every edit, and reading each
    // document's tree again would build the trees the budget dropped (document/treeBudget.ts).
    const symbol = keepOutline(doc);
    if (!symbol) continue;
    // The title names the document by its place when it has no kind: the place is not kept, an edit above moves it.
    const title = [doc.identity.kind ?? `Document ${doc.index + 1}`, symbol.name].filter(Boolean).join(' ');
    const rangeOf = (start: number, end: number): Range => ({ start: textDocument.positionAt(doc.offset + start), end: textDocument.positionAt(doc.offset + end) });
    symbols.push({ ...placed(symbol, rangeOf), name: title });
  }
  return symbols;
}

/** The document's symbol with offsets relative to it, kept with its text (see documentSymbols). */
export function keepOutline(doc: ManifestDocument): RelativeSymbol | undefined {
  return doc.kept('outline', () => (doc.root?.range ? documentSymbol(doc) : undefined));
}

/** A symbol with [start, end) offsets relative to its document instead of positions in the file. */
interface RelativeSymbol extends Omit<DocumentSymbol, 'range' | 'selectionRange' | 'children'> {
  readonly range: Span;
  readonly selectionRange: Span;
  readonly children?: RelativeSymbol[];
}

type Span = readonly [number, number];

function placed(symbol: RelativeSymbol, rangeOf: (start: number, end: number) => Range): DocumentSymbol {
  const { range, selectionRange, children, ...rest } = symbol;
  const out: DocumentSymbol = { ...rest, range: rangeOf(range[0], range[1]), selectionRange: rangeOf(selectionRange[0], selectionRange[1]) };
  if (children) out.children = children.map((child) => placed(child, rangeOf));
  return out;
}

const rangeOf = (start: number, end: number): Span => [start, end];

/** The document's symbol, named by its object's name alone (documentSymbols adds the kind or the place). */
function documentSymbol(doc: ManifestDocument): RelativeSymbol {
  const root = doc.root!;
  const nameNode = nodeAtPath(root, ['metadata', 'name']) ?? nodeAtPath(root, ['metadata', 'generateName']);
  const whole = rangeOf(root.range![0], root.range![1]);
  const anchor = (nameNode ?? nodeAtPath(root, ['kind']))?.range;
  const symbol: RelativeSymbol & { children: RelativeSymbol[] } = {
    name: scalarString(nameNode) ?? '',
    detail: doc.identity.apiVersion ?? '',
    kind: SymbolKind.Class,
    range: whole,
    selectionRange: anchor ? rangeOf(anchor[0], anchor[1]) : whole,
    children: [],
  };
  const pod = podModelOf(doc);
  if (!pod) return symbol;
  const roles = containerRoles(pod);
  for (const container of pod.containers) symbol.children.push(containerSymbol(container, roles.get(container)));
  for (const volume of pod.volumes) {
    const range = volume.node.range!;
    const at = volume.nameNode?.range ?? range;
    symbol.children.push({
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

function containerSymbol(container: ContainerModel, role: RoleInfo | undefined): RelativeSymbol {
  const range = container.node.range!;
  const at = container.nameNode?.range ?? range;
  const roleWords = role ? ROLE_WORDS[role.role] + (role.step !== undefined ? `, step ${role.step}` : '') : container.list;
  const children: RelativeSymbol[] = container.ports.map((port) => {
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
