import { containerPatternProvider } from './containerPatterns';
import { documentStarterProvider } from './documentStarters';
import { containerFieldSnippetProvider, containerSnippetProvider, mountSnippetProvider } from './fieldSnippets';
import { flowItemProvider } from './flowItems';
import { keyProvider } from './keyItems';
import type { CompletionProvider } from './provider';
import { valueProvider } from './valueItems';
import { volumeProvider } from './volumeItems';

/**
 * The completion providers, in the order their items are listed (the client sorts by each item's sortText; this
 * order only breaks ties). Each looks at the context and returns nothing where it does not apply. Extension point:
 * a new kind of offer is a module exporting a CompletionProvider and one line here.
 */
export const COMPLETION_PROVIDERS: readonly CompletionProvider[] = [
  documentStarterProvider, // whole manifests and apiVersion/kind, in a document of no known kind
  keyProvider, // the schema's keys at the cursor
  valueProvider, // enums, booleans, apiVersion/kind, names from the Pod model
  flowItemProvider, // `{...}` at a new entry of a flow list of objects
  containerPatternProvider, // sidecar, ambassador, adapter, init steps, where a container goes
  containerSnippetProvider, // a plain container
  volumeProvider, // volumes with their mount, where a volume goes
  containerFieldSnippetProvider, // probes and resources among a container's keys
  mountSnippetProvider, // a mount, where one goes
];
