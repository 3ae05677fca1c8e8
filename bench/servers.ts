/**
 * The two servers of a run: Podsmith's bundle, and yaml-language-server (Red Hat's YAML extension's server, the
 * anchor) configured the way its extension would be for Kubernetes files, with our schema and no network.
 */
import path from 'node:path';
import { VISIBLE_RANGES_NOTIFICATION, type VisibleRangesParams } from '../shared/protocol';
import type { ServerUnderTest } from './lspSession';

/**
 * Podsmith with default settings, but for `settings` (the edit figures raise `maxFileSize` so that the 5,000-document
 * file, 11 MB, is checked rather than answered with a notice).
 */
export function podsmithServer(repoRoot: string, settings?: Record<string, unknown>): ServerUnderTest {
  return {
    name: 'podsmith',
    options: { args: [path.join(repoRoot, 'dist', 'server.js'), '--stdio'], settings },
    versionedPublish: true,
    debounceMs: 0,
    // Its chunks of a large file follow one another without waiting; a second is far beyond a chunk on a busy machine.
    quietMs: 1000,
    // What the client sends (client/src/visibleRanges.ts): the editor's visible lines, checked and published first.
    viewNotification: (uri, visible) => ({
      method: VISIBLE_RANGES_NOTIFICATION,
      params: { editors: [{ uri, ranges: [{ start: { line: visible.first, character: 0 }, end: { line: visible.last, character: 0 } }] }] } satisfies VisibleRangesParams,
    }),
  };
}

/** The yaml-language-server settings: our schema on every YAML document, validation, hover and completion on. */
export function anchorSettings(schemaUri: string): Record<string, unknown> {
  return {
    schemas: { [schemaUri]: ['*.yaml', '*.yml'] },
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    maxItemsComputed: 5000,
  };
}

export function yamlLanguageServer(repoRoot: string, schemaUri: string): ServerUnderTest {
  const yaml = anchorSettings(schemaUri);
  return {
    name: 'yaml-ls',
    options: {
      args: [path.join(repoRoot, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
      // It pulls `yaml`, `http`, `[yaml]` and `editor` at initialized and on every configuration change.
      configuration: (section) => (section === 'yaml' ? yaml : section === 'http' ? { proxyStrictSSL: false } : null),
    },
    versionedPublish: false,
    debounceMs: 200,
    quietMs: 1500,
  };
}
