/**
 * The schema yaml-language-server validates against: our generated definitions (dist/schema/kubernetes.schema.json)
 * under a root that dispatches on apiVersion and kind, so that both servers check the same fields and the anchor
 * needs no network. Written into the git-ignored results folder on every run.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface GeneratedSchema {
  readonly 'x-kinds': Record<string, string>;
  readonly definitions: Record<string, unknown>;
}

/** Writes the anchor's root schema next to the results and returns its file:// URI. */
export function writeAnchorSchema(generatedSchemaPath: string, outDir: string): string {
  const generated = JSON.parse(readFileSync(generatedSchemaPath, 'utf8')) as GeneratedSchema;
  const dispatch = Object.entries(generated['x-kinds']).map(([apiVersionKind, definition]) => {
    const slash = apiVersionKind.lastIndexOf('/');
    return {
      if: {
        properties: {
          apiVersion: { const: apiVersionKind.slice(0, slash) },
          kind: { const: apiVersionKind.slice(slash + 1) },
        },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: `#/definitions/${definition}` },
    };
  });
  const root = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $comment: 'Benchmark anchor: Podsmith generated definitions, dispatched by apiVersion and kind.',
    type: 'object',
    allOf: dispatch,
    definitions: generated.definitions,
  };
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, 'anchor-kubernetes.schema.json');
  writeFileSync(file, JSON.stringify(root));
  return pathToFileURL(file).href;
}
