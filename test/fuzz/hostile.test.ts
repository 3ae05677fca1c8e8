/**
 * Hostile and extreme inputs, through the pure service (every request kind, exact expectations) and through the
 * real server process (same diagnostics as the service, every request within the hang bound, still alive and
 * still answering a normal document afterwards).
 */
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../server/src/core/settings';
import { exercise, validatedAlone } from './support/exercise';
import { checkExpectation, HOSTILE_INPUTS, summaryOf } from './support/hostileInputs';
import { fmt, positionsFor, reportTally, REQUEST_BOUND_MS, Verdict } from './support/invariants';
import { serverBundleExists, startTestServer, type TestServer } from './support/testServer';
import { TextDocument } from 'vscode-languageserver-textdocument';

const AT = [0.001, 0.25, 0.5, 0.75, 0.999];

describe('hostile inputs: the language service', function () {
  this.timeout(600_000); // A hang bound, not a speed test: a busy machine runs these fixed-size property tests several times slower.
  after(() => reportTally(`${HOSTILE_INPUTS.length} hostile inputs through the service`));
  for (const input of HOSTILE_INPUTS) {
    it(`answers every request on ${input.name}`, () => {
      const settings = { ...DEFAULT_SETTINGS, ...input.settings };
      const text = input.text();
      const verdict = exercise(text, { settings, at: AT, outside: true, boundMs: input.boundMs });
      assert.deepEqual(verdict.problems, []);
      checkExpectation(input, verdict.seenDiagnostics);
    });
  }
});

describe('hostile inputs: the server process', function () {
  this.timeout(600_000); // A hang bound, not a speed test: a busy machine runs these fixed-size property tests several times slower.
  let server: TestServer;
  before(async function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
    server = await startTestServer();
  });
  after(async () => {
    reportTally('hostile inputs through the server');
    await server?.lsp.stop();
  });

  HOSTILE_INPUTS.filter((input) => !input.serviceOnly && !input.settings).forEach((input, i) => {
    it(`publishes what the service computes and answers every request on ${input.name}`, async () => {
      const uri = `file:///hostile-${i}.yaml`;
      const text = input.text();
      const bound = input.boundMs ?? REQUEST_BOUND_MS;
      const published = await server.timed(`diagnostics of ${input.name}`, () => server.lsp.open(uri, text), bound);
      const textDocument = TextDocument.create(uri, 'yaml', 1, text);
      const verdict = new Verdict(textDocument, bound);
      verdict.diagnostics(published.value, 0);
      const expected = validatedAlone(textDocument);
      assert.deepEqual(summaryOf(published.value), summaryOf(expected));
      checkExpectation(input, published.value);
      for (const position of positionsFor(textDocument, AT)) {
        const hover = await server.timed(`hover ${fmt(position)}`, () => server.lsp.hover(uri, position));
        verdict.hover(position, hover.value, hover.ms);
        const completion = await server.timed(`completion ${fmt(position)}`, () => server.lsp.complete(uri, position));
        verdict.completion(position, completion.value, completion.ms);
        const diagram = await server.timed(`diagram ${fmt(position)}`, () => server.lsp.diagram(uri, position));
        verdict.diagram(position, diagram.value, diagram.ms);
      }
      for (const diagnostic of published.value.slice(0, 10)) {
        const actions = await server.timed('codeActions', () => server.lsp.codeActions(uri, diagnostic.range, [diagnostic]));
        verdict.codeActions(diagnostic, actions.value, actions.ms);
      }
      server.lsp.close(uri);
      assert.deepEqual(verdict.problems, []);
      assert.deepEqual(server.logs, [], 'no feature threw');
    });
  });

  it('is still alive and still checks a normal document afterwards', async () => {
    assert.equal(server.alive(), true);
    const diagnostics = await server.lsp.open('file:///after.yaml', 'a: [1, 2\n');
    assert.deepEqual(summaryOf(diagnostics), [['yaml-syntax', '0:3-0:4']]);
  });
});
