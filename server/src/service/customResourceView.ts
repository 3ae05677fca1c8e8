import type { ManifestDocument } from '../document/manifestDocument';
import { documentAtIndex, documentCount, type ManifestFile } from '../document/manifestFile';
import { everyIndex, KeptPerFile } from './fileState';
import type { CustomResourceView } from '../core/featureRequest';
import { podSiteInCrdSchema, type CrdPodSite } from '../pod/crdPodSites';
import { crdPodCarrier, podCarrierOf, setCrdPodCarrier } from '../pod/podCarriers';
import { customResourceFor, type CustomResourceDefinition } from '../workspace/customResources';
import { CRDS, type WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * What hover and completion read of the CRD of a document's apiVersion and kind, from the workspace's CRD
 * registry: the served version's schema, the CRD's name, and the line of the file where it starts. Undefined
 * without a workspace, without a CRD, or for a CRD version without a schema (or with one too large to read).
 */
export function customResourceViewOf(doc: ManifestDocument, workspace: WorkspaceIndex | undefined): CustomResourceView | undefined {
  const { apiVersion, kind } = doc.identity;
  if (!workspace || !apiVersion || !kind || doc.isTemplate) return undefined;
  const type = customResourceFor(workspace, apiVersion, kind);
  if (!type?.schema) return undefined;
  const { definition, file, doc: crdDoc, uri } = type.crd;
  return {
    schema: type.schema,
    crdName: crdNameOf(definition),
    definedAt: { uri, line: lineAt(file.text, crdDoc.offset) },
  };
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Records, for each document of a file whose kind a workspace CRD defines, where that CRD's schema puts a Pod
 * (pod/crdPodSites.ts), so that the Pod model, the Pod rules and every feature find it (pod/podCarriers.ts). Run
 * before checks and features read the file; without a workspace, what the last request with one found stays.
 */
export function recordCrdPodCarriers(file: ManifestFile, workspace: WorkspaceIndex | undefined): void {
  if (!workspace) return;
  // What is recorded is kept with each document's parse: after an edit, only the documents it changed are read,
  // unless the workspace's CRDs changed since.
  const crdsAt = workspace.changedAt(CRDS);
  const since = RECORDED.since(file, (last) => last.workspace === workspace && last.crdsAt === crdsAt);
  const indices = since ? since.changes.changed : everyIndex(documentCount(file));
  for (const index of indices) recordCrdPodCarrier(documentAtIndex(file, index), workspace);
  RECORDED.keep(file, { workspace, crdsAt });
}

const RECORDED = new KeptPerFile<{ readonly workspace: WorkspaceIndex; readonly crdsAt: number }>();

function recordCrdPodCarrier(doc: ManifestDocument, workspace: WorkspaceIndex): void {
  if (doc.unchecked) return;
  const { apiVersion, kind } = doc.identity;
  if (!apiVersion || !kind || doc.isTemplate || podCarrierOf(doc.identity)) return;
  const type = customResourceFor(workspace, apiVersion, kind);
  const site = type?.schema ? podSiteOf(type.schema) : undefined;
  setCrdPodCarrier(doc, type && site ? crdPodCarrier({ apiVersion, kind }, crdNameOf(type.crd.definition), site) : undefined);
}

const SITES = new WeakMap<object, CrdPodSite | null>();

/** The Pod site of a CRD version's schema, found once per schema (the registry keeps one object per CRD text). */
function podSiteOf(schema: Readonly<Record<string, unknown>>): CrdPodSite | undefined {
  let site = SITES.get(schema);
  if (site === undefined) SITES.set(schema, (site = podSiteInCrdSchema(schema) ?? null));
  return site ?? undefined;
}

function crdNameOf(definition: CustomResourceDefinition): string {
  return definition.name ?? `${definition.plural ?? definition.kind}.${definition.group}`;
}
