import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { nameSiteAt, podNamesOf, siteLabel, sitesOfName, type NameKind, type NameSite, type PodNames } from '../pod/podNames';
import { dns1123LabelProblem, portNameProblem } from '../rules/nameFormats';
import type { FeatureRequest } from '../core/featureRequest';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { workspaceDefinition, workspaceReferences } from './workspaceLinks';

/**
 * Go to definition, find references, document highlights and rename for the names a Pod links by: volumes and
 * their mounts, container port names and the probes and hooks that use them, container names and the references
 * to them. The graph itself is a Pod fact (pod/podNames.ts); this module only turns it into answers.
 */

interface SiteAtCursor {
  readonly names: PodNames;
  readonly site: NameSite;
}

function siteAtCursor(req: FeatureRequest): SiteAtCursor | undefined {
  const names = podNamesOf(req.doc);
  const site = names && nameSiteAt(names, req.offset);
  return names && site ? { names, site } : undefined;
}

function rangeOfSite(req: FeatureRequest, site: NameSite): Range {
  const [start, end] = site.node.range!;
  return req.rangeOf(start, end);
}

function locationOf(req: FeatureRequest, site: NameSite): Location {
  return { uri: req.source.textDocument.uri, range: rangeOfSite(req, site) };
}

/**
 * Where the name under the cursor is defined: a mount's volume, a probe port's container port, a container; and,
 * across the workspace, the ConfigMap, Secret or claim a Pod names (workspaceLinks.ts).
 */
export function definition(req: FeatureRequest, workspace?: WorkspaceIndex): Location[] {
  const found = siteAtCursor(req);
  if (!found) return workspace ? workspaceDefinition(req, workspace) : [];
  return sitesOfName(found.names, found.site)
    .filter((s) => s.role === 'definition')
    .map((s) => locationOf(req, s));
}

/** Every place the name under the cursor is used, and its definition when asked for. */
export function references(req: FeatureRequest, includeDeclaration: boolean, workspace?: WorkspaceIndex): Location[] {
  const found = siteAtCursor(req);
  if (!found) return workspace ? workspaceReferences(req, workspace, includeDeclaration) : [];
  return sitesOfName(found.names, found.site)
    .filter((s) => includeDeclaration || s.role === 'reference')
    .map((s) => locationOf(req, s));
}

/** The name's other places in this document: the definition written, the references read. */
export function documentHighlights(req: FeatureRequest): DocumentHighlight[] {
  const found = siteAtCursor(req);
  if (!found) return [];
  return sitesOfName(found.names, found.site).map((s) => ({
    range: rangeOfSite(req, s),
    kind: s.role === 'definition' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** A refusal the editor shows instead of renaming. */
export interface RenameRefusal {
  readonly refused: string;
}

/** The range and current name under the cursor, or why it cannot be renamed there. */
export function prepareRename(req: FeatureRequest): { range: Range; placeholder: string } | RenameRefusal | null {
  const found = siteAtCursor(req);
  if (!found) return null;
  return { range: rangeOfSite(req, found.site), placeholder: found.site.name };
}

/** Renames the name under the cursor everywhere the Pod links by it, or refuses a name the API would reject. */
export function rename(req: FeatureRequest, newName: string): WorkspaceEdit | RenameRefusal | null {
  const found = siteAtCursor(req);
  if (!found) return null;
  const problem = nameProblem(found.site.kind, newName);
  if (problem) return { refused: `Cannot rename ${siteLabel(found.site)} to "${newName}": ${problem}.` };
  const taken = found.names.sites.find(
    (s) => s.role === 'definition' && s.kind === found.site.kind && s.scope === found.site.scope && s.name === newName,
  );
  if (taken && newName !== found.site.name) {
    return { refused: `Cannot rename ${siteLabel(found.site)} to "${newName}": ${taken.where} already has a ${found.site.kind} of that name.` };
  }
  const edits: TextEdit[] = sitesOfName(found.names, found.site).map((s) => ({ range: rangeOfSite(req, s), newText: renamedText(s, newName) }));
  return { changes: { [req.source.textDocument.uri]: edits } };
}

/** The rule a new name must follow, as the API server checks it, in words; undefined when it is valid. */
function nameProblem(kind: NameKind, name: string): string | undefined {
  if (kind === 'port') {
    const problem = portNameProblem(name);
    return problem && `a port name must be an IANA service name (at most 15 lowercase letters, digits and '-', with a letter), but ${problem}`;
  }
  const problem = dns1123LabelProblem(name);
  return problem && `a ${kind} name must be a DNS-1123 label (at most 63 lowercase letters, digits and '-'), but ${problem}`;
}

/** The new name as the scalar is written: quoted scalars keep their quotes. */
function renamedText(site: NameSite, newName: string): string {
  if (site.node.type === 'QUOTE_DOUBLE') return `"${newName}"`;
  if (site.node.type === 'QUOTE_SINGLE') return `'${newName}'`;
  return newName;
}
