/**
 * The same property as service.test.ts, through the real server process (fewer runs: each crosses a pipe): every
 * request kind at random positions of mutated manifests is answered within the hang bound, with ranges inside the
 * document; the published diagnostics equal the pure service's; nothing is logged as a caught exception; the
 * process stays alive.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validatedAlone } from './support/exercise';
import { summaryOf } from './support/hostileInputs';
import { fmt, positionsFor, reportTally, Verdict } from './support/invariants';
import { applyAll, mutationsArb } from './support/mutations';
import { corpusSeeds, exampleSeeds } from './support/seeds';
import { serverBundleExists, startTestServer, type TestServer } from './support/testServer';

const SEED = 20251127;

describe('fuzz: the server process on mutated manifests', function () {
  this.timeout(600_000); // A hang bound, not a speed test: a busy machine runs these fixed-size property tests several times slower.
  let server: TestServer;
  let opened = 0;
  before(async function () {
    if (!serverBundleExists()) {
      console.log('    (skipped: dist/server.js is not built; run node scripts/build.mjs)');
      this.skip();
    }
    server = await startTestServer();
  });
  after(async () => server?.lsp.stop());

  it('answers every request kind, publishing what the service computes', async () => {
    const corpus = corpusSeeds();
    if (corpus.length === 0) console.log('    (corpus part skipped: ../shared/corpus/real is absent)');
    const seeds = [...exampleSeeds(), ...corpus];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...seeds),
        mutationsArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        async (seed, mutations, at) => {
          const text = applyAll(seed.text, mutations);
          const uri = `file:///fuzz-${++opened}.yaml`;
          const textDocument = TextDocument.create(uri, 'yaml', 1, text);
          const verdict = new Verdict(textDocument);
          const published = await server.timed('diagnostics', () => server.lsp.open(uri, text));
          verdict.diagnostics(published.value, published.ms);
          const expected = validatedAlone(textDocument);
          const context = `${seed.name} after ${JSON.stringify(mutations)}`;
          assert.deepEqual(summaryOf(published.value), summaryOf(expected), context);
          for (const position of positionsFor(textDocument, at)) {
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
          assert.deepEqual(verdict.problems, [], context);
          assert.deepEqual(server.logs, [], `${context}: a feature threw inside the server`);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
    assert.equal(server.alive(), true);
    reportTally(`${opened} mutated manifests through the server`);
  });
});
