/**
 * Snippet text as an editor would leave it when the person accepts every default: `${1:default}` becomes
 * `default`, a choice `${1|a,b|}` its first option, tab stops (`$1`, `$0`, `${2}`) nothing, and escapes
 * (`\$`, `\}`, `\\`) their character. Also applies a completion item to a text, as accepting it in an editor does.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InsertTextFormat, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';

export function expandSnippet(snippet: string): string {
  let i = 0;
  const read = (stopAt: string | undefined): string => {
    let text = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length && '$}\\,|'.includes(snippet[i + 1])) {
        text += snippet[i + 1];
        i += 2;
      } else if (stopAt && c === stopAt) {
        return text;
      } else if (c === '$' && /[0-9]/.test(snippet[i + 1] ?? '')) {
        i++;
        while (/[0-9]/.test(snippet[i] ?? '')) i++;
      } else if (c === '$' && snippet[i + 1] === '{') {
        i += 2;
        while (/[0-9]/.test(snippet[i] ?? '')) i++;
        if (snippet[i] === ':') {
          i++;
          text += read('}');
          i++;
        } else if (snippet[i] === '|') {
          i++;
          const options = read('|');
          i += 2; // past `|}`
          text += options.split(',')[0];
        } else {
          i++; // `${1}`
        }
      } else {
        text += c;
        i++;
      }
    }
    return text;
  };
  return read(undefined);
}

/** The text after accepting `item` in `text` (its snippet expanded with defaults, its additional edits applied). */
export function applyCompletion(text: string, item: CompletionItem): string {
  const doc = TextDocument.create('file:///x.yaml', 'yaml', 1, text);
  const main = item.textEdit as TextEdit;
  const newText = item.insertTextFormat === InsertTextFormat.Snippet ? expandSnippet(main.newText) : main.newText;
  return TextDocument.applyEdits(doc, [{ range: main.range, newText }, ...(item.additionalTextEdits ?? [])]);
}
