/**
 * Podsmith's client: starts the language server and forwards settings. It knows nothing of Kubernetes; every
 * answer comes from the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { plainText } from './plainText';
import { RestartPolicy } from './restartPolicy';
import { registerDiagramPanel } from './diagramPanel';
import { registerSelectRange } from './selectRange';
import { registerVisibleRanges } from './visibleRanges';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'yaml' }],
    // The server reads the workspace's YAML files (links between files) and the project's .podsmith.yaml: tell it
    // when one changes on disk.
    synchronize: {
      configurationSection: 'podsmith',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.podsmith.yaml'), vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}')],
    },
    initializationOptions: { settings: effectiveSettings() },
    errorHandler: restartingErrorHandler(),
    middleware: {
      // Messages and quick-fix titles as plain text (plainText.ts): the Problems panel shows no Markdown.
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) {
          d.message = plainText(d.message);
          for (const related of d.relatedInformation ?? []) related.message = plainText(related.message);
        }
        next(uri, diagnostics);
      },
      provideCodeActions: async (document, range, context, token, next) => {
        const actions = await next(document, range, context, token);
        for (const action of actions ?? []) action.title = plainText(action.title);
        return actions;
      },
      workspace: {
        // The server asks for `podsmith`; we answer with the settings after resolving "auto" choices.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return params.items.map((item, i) => (item.section === 'podsmith' ? effectiveSettings(item.scopeUri) : result[i]));
        },
      },
    },
  };
  client = new LanguageClient('podsmith', 'Podsmith', serverOptions, clientOptions);
  registerDiagramPanel(context, () => client);
  registerSelectRange(context);
  // The server checks what the editors show first; it hears it again after a restart.
  const sendVisibleRanges = registerVisibleRanges(context, () => client);
  context.subscriptions.push(client.onDidChangeState((event) => event.newState === State.Running && sendVisibleRanges()));
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => void client?.sendNotification('workspace/didChangeConfiguration', { settings: null })),
  );
  await client.start();
}

/** Restarts a server that died and says so once per session (see restartPolicy.ts). */
function restartingErrorHandler(): NonNullable<LanguageClientOptions['errorHandler']> {
  const policy = new RestartPolicy();
  return {
    error: (_error, _message, count) => ({
      action: policy.onConnectionError(count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown,
      handled: true,
    }),
    closed: () => {
      const decision = policy.onServerClosed(Date.now());
      if (decision.notify) void vscode.window.showWarningMessage(decision.notify);
      return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * The `podsmith` settings, with `validate.yamlSyntax: "auto"` resolved: off while Red Hat's YAML extension is
 * active and validating, so the person never sees the same syntax error twice.
 */
function effectiveSettings(scopeUri?: string): Record<string, unknown> {
  // A folder's settings when the server asks for one (every Podsmith setting has the scope `resource`).
  const config = vscode.workspace.getConfiguration('podsmith', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const raw = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  const choice = config.get<string | boolean>('validate.yamlSyntax', 'auto');
  let yamlSyntax = choice === true || choice === 'on';
  if (choice === 'auto') {
    const redHat = vscode.extensions.getExtension('redhat.vscode-yaml');
    const redHatValidates = vscode.workspace.getConfiguration('yaml', scopeUri ? vscode.Uri.parse(scopeUri) : undefined).get<boolean>('validate', true);
    yamlSyntax = !(redHat && redHatValidates);
  }
  return { ...raw, validate: { ...(raw.validate as object), yamlSyntax }, setByUser: settingsSetByUser(config, raw) };
}

/**
 * The settings the person set (in user, workspace or folder settings), as dotted keys: VS Code sends defaults for
 * the others, and those must not override the project's .podsmith.yaml.
 */
function settingsSetByUser(config: vscode.WorkspaceConfiguration, raw: Record<string, unknown>): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    // A mapping setting (rules) is one setting; a group (validate) holds settings of its own.
    const group = key !== 'rules' && value !== null && typeof value === 'object' && !Array.isArray(value);
    keys.push(...(group ? Object.keys(value as object).map((sub) => `${key}.${sub}`) : [key]));
  }
  return keys.filter((key) => {
    const set = config.inspect(key);
    return set !== undefined && [set.globalValue, set.workspaceValue, set.workspaceFolderValue].some((v) => v !== undefined);
  });
}
