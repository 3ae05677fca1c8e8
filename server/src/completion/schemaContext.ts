import type { ManifestDocument, DocumentIdentity } from '../document/manifestDocument';
import type { TextLines } from '../document/textLines';
import { withoutComment } from '../document/linearText';

/**
 * The document's apiVersion and kind: from the parse, or, when the text being typed left the parse without
 * them, from the top-level `apiVersion:` and `kind:` lines.
 */
export function identityOf(doc: ManifestDocument, lines: TextLines): DocumentIdentity {
  if (doc.identity.kind && doc.identity.apiVersion) return doc.identity;
  let apiVersion = doc.identity.apiVersion;
  let kind = doc.identity.kind;
  for (let i = 0; i < lines.count; i++) {
    const s = lines.shape(i);
    if (s.indent !== 0 || s.dashes.length || s.key === undefined || s.value !== 'scalar') continue;
    const value = withoutComment(lines.line(i).slice(lines.line(i).indexOf(':') + 1)).trim().replace(/^["']|["']$/g, '');
    if (s.key === 'kind') kind ??= value;
    else if (s.key === 'apiVersion') apiVersion ??= value;
  }
  return { apiVersion, kind };
}
