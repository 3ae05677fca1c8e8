/**
 * Document state under incremental edits. A client keeps its own copy of a document and sends thousands of random
 * `didChange` notifications with ranges (several per notification, some full-text replacements, CRLF, emoji that
 * take two UTF-16 units) to the real server. After every notification we read the server's copy through the
 * test-only request `podsmith/debug/documentText` and require it to equal the client's, character for character.
 * At checkpoints we also require the diagnostics the server publishes for that version (computed from a parse
 * that reuses unchanged documents of the previous version) to equal those of a fresh parse of the client's text.
 *
 * Every tenth notification, a hover, a completion and a diagram at a random position are asked of the server and
 * of the pure service on a fresh parse of the client's text: the answers must be equal (the server's reuse of
 * unchanged documents must never move a range).
 *
 * What is compared: the server's text and version (exact), the diagnostics' codes and ranges (exact), and the
 * hover, completion and diagram answers (deep equality). The client's copy is edited by this file's own
 * line/column arithmetic, not by the library the server uses.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { WorkspaceIndex } from '../../server/src/workspace/workspaceIndex';
import { fuzzService, validatedAlone } from './support/exercise';
import { summaryOf } from './support/hostileInputs';
import { corpusSeeds, exampleSeeds } from './support/seeds';
import { serverBundleExists, startTestServer, type TestServer } from './support/testServer';

const SEED = 20251128;
const STEPS = 2500;
const CHECKPOINT_EVERY = 100;
const ASK_EVERY = 10;

/** Offsets where lines start, with `\r\n`, `\r` and `\n` all ending a line, as LSP counts them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') continue;
    if (c === '\r' || c === '\n') starts.push(i + 1);
  }
  return starts;
}

function positionOf(starts: number[], offset: number): Position {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** What an answer looks like after crossing the wire as JSON (undefined properties dropped). */
function wire<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

const insertion = fc.oneof(
  fc.constantFrom('', 'a', ' ', '\n', '\r\n', '  - name: x\n', 'image: nginx\n', '---\n', ':', '#', '😀', 'é', '\t', '{{ .V }}'),
  fc.string({ maxLength: 8 }),
);

const editStep = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: insertion,
});

/** A notification: one to four ranged changes (every 97th replaces the whole text with an edited copy instead). */
const notification = fc.array(editStep, { minLength: 1, maxLength: 4 });

/**
 * An editor never places a position between the `\r` and `\n` of a line end (LSP has no such position: a
 * character past the line's end means its end), so neither does this client.
 */
function notInsideCrlf(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

describe('fuzz: document state under incremental edits through the server', function () {
  this.timeout(600_000); // A hang bound, not a speed test: a busy machine runs these fixed-size property tests several times slower.
  let server: TestServer;
  before(async function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
    server = await startTestServer();
  });
  after(async () => server?.lsp.stop());

  it(`keeps the server's text equal to the client's over ${STEPS} random incremental changes`, async () => {
    const corpus = corpusSeeds();
    // A multi-document start, so edits move documents whose parse the server reuses.
    const start = [...exampleSeeds(), ...corpus.slice(0, 6)].map((s) => s.text.replace(/\n?$/, '\n')).join('---\n');
    const plan = fc.sample(fc.array(notification, { minLength: STEPS, maxLength: STEPS }), { seed: SEED, numRuns: 1 })[0];
    const fullEvery = 97; // every 97th notification replaces the whole text instead

    const uri = 'file:///incremental.yaml';
    let text = start;
    let asked = 0;
    await server.lsp.open(uri, text);
    for (let n = 0; n < plan.length; n++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      for (const step of plan[n]) {
        // Each change applies to the text left by the one before, as LSP specifies.
        const starts = lineStarts(text);
        const from = notInsideCrlf(text, Math.min(text.length, Math.floor(step.at * (text.length + 1))));
        const to = notInsideCrlf(text, Math.min(text.length, from + step.remove));
        if (n % fullEvery === fullEvery - 1) {
          text = text.slice(0, from) + step.insert + text.slice(to);
          changes.splice(0, changes.length, { text });
          continue;
        }
        changes.push({ range: { start: positionOf(starts, from), end: positionOf(starts, to) }, text: step.insert });
        text = text.slice(0, from) + step.insert + text.slice(to);
      }
      const published = server.lsp.change(uri, changes);
      const seen = await server.documentText(uri);
      assert.ok(seen, 'the server holds the document');
      assert.equal(seen.version, n + 2, `version after notification ${n}`);
      if (seen.text !== text) {
        const at = [...text].findIndex((c, i) => seen.text[i] !== c);
        assert.fail(`after notification ${n} (${JSON.stringify(changes)}) the texts differ from offset ${at}: server ${JSON.stringify(seen.text.slice(at, at + 40))}, client ${JSON.stringify(text.slice(at, at + 40))}`);
      }
      if (n % ASK_EVERY === ASK_EVERY - 1) {
        const textDocument = TextDocument.create(uri, 'yaml', n + 2, text);
        const source = { textDocument, file: fuzzService.parse(textDocument, DEFAULT_SETTINGS) };
        const position = textDocument.positionAt(Math.floor(plan[n][0].at * (text.length + 1)));
        const where = `after notification ${n} at ${position.line}:${position.character}`;
        // The server's workspace index holds the open document (its CRDs explain its custom resources).
        const index = new WorkspaceIndex();
        index.setFile(source.file);
        assert.deepEqual(await server.lsp.hover(uri, position), wire(fuzzService.hover(source, position, DEFAULT_SETTINGS, index)), `hover ${where}`);
        assert.deepEqual(await server.lsp.complete(uri, position), wire(fuzzService.complete(source, position, DEFAULT_SETTINGS, index)), `completion ${where}`);
        assert.deepEqual(await server.lsp.diagram(uri, position), wire(fuzzService.diagram(source, position, DEFAULT_SETTINGS, index)), `diagram ${where}`);
        asked += 3;
      }
      if (n % CHECKPOINT_EVERY === CHECKPOINT_EVERY - 1 || n === plan.length - 1) {
        const diagnostics = await server.timed(`diagnostics of version ${n + 2}`, () => published);
        const textDocument = TextDocument.create(uri, 'yaml', n + 2, text);
        const fresh = validatedAlone(textDocument);
        assert.deepEqual(summaryOf(diagnostics.value), summaryOf(fresh), `diagnostics after notification ${n}`);
      }
    }
    assert.deepEqual(server.logs, []);
    console.log(`      (${plan.length} notifications, ${plan.flat().length} changes, ${asked} hover/completion/diagram answers compared)`);
  });

  // Markers typed and removed (the server splits a file per document and re-splits only around a change), line ends
  // of every kind (a lone \r ends a line too), comments that join the document after them, and removals long enough
  // to span several documents.
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('---\n', '---\r\n', '--- # c\n', '...\n', '\r', '\r\n', '\n', '# c\n', 'a: 1\n', '  - x\n', '-', '.', ' ', 'kind: Pod\n') },
    { weight: 1, arbitrary: fc.constantFrom('%YAML 1.2\n', '😀', '\uFEFF') },
    { weight: 2, arbitrary: fc.string({ maxLength: 3 }) },
  );
  const step = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    remove: fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 8 }) }, { weight: 1, arbitrary: fc.nat({ max: 400 }) }),
    insert: fc.array(piece, { maxLength: 3 }).map((p) => p.join('')),
  });
  const NOTIFICATIONS = 600;

  it(`keeps the server's text, documents and diagnostics exact over ${NOTIFICATIONS} notifications that type and remove markers`, async () => {
    const start = Array.from({ length: 30 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`).join('');
    const plan = fc.sample(fc.array(fc.array(step, { minLength: 1, maxLength: 2 }), { minLength: NOTIFICATIONS, maxLength: NOTIFICATIONS }), { seed: SEED + 1, numRuns: 1 })[0];
    const uri = 'file:///markers.yaml';
    let text = start;
    await server.lsp.open(uri, text);
    for (let n = 0; n < plan.length; n++) {
      const changes: TextDocumentContentChangeEvent[] = [];
      for (const s of plan[n]) {
        const starts = lineStarts(text);
        const from = notInsideCrlf(text, Math.min(text.length, Math.floor(s.at * (text.length + 1))));
        const to = notInsideCrlf(text, Math.min(text.length, from + s.remove));
        changes.push({ range: { start: positionOf(starts, from), end: positionOf(starts, to) }, text: s.insert });
        text = text.slice(0, from) + s.insert + text.slice(to);
      }
      const published = server.lsp.change(uri, changes);
      const seen = await server.documentText(uri);
      if (seen?.text !== text) assert.fail(`after notification ${n} (${JSON.stringify(changes)}) the server's text differs from the client's`);
      if (n % 50 === 49 || n === plan.length - 1) {
        const diagnostics = await server.timed(`diagnostics of version ${n + 2}`, () => published);
        const fresh = validatedAlone(TextDocument.create(uri, 'yaml', n + 2, text));
        assert.deepEqual(summaryOf(diagnostics.value), summaryOf(fresh), `diagnostics after notification ${n}`);
      }
    }
    assert.deepEqual(server.logs, []);
  });
});
