import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { FIX_FAMILIES } from '../../../server/src/codeActions/families';
import type { FixFamily } from '../../../server/src/codeActions/fix';
import { COVERED, familyName } from './support/fixTable';

/**
 * The fix table covers every quick-fix family: each family of FIX_FAMILIES (by its identity, not by a list of
 * names) has table cases for each rule it fixes, in the table file named after the module that defines it
 * (fixes/<module>.test.ts for server/src/codeActions/<module>.ts).
 */
const TABLES = path.join(__dirname, 'fixes');
const MODULES = path.resolve(__dirname, '../../../server/src/codeActions');

// Load every table, so that this file alone sees them all (mocha loads each file once: a table it has loaded is not run twice).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded by name at run time
for (const file of readdirSync(TABLES).filter((f) => f.endsWith('.test.ts'))) require(path.join(TABLES, file));

/** The module of server/src/codeActions that exports each family. */
function definingModules(): Map<FixFamily, string> {
  const out = new Map<FixFamily, string>();
  for (const file of readdirSync(MODULES).filter((f) => f.endsWith('.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- every module of the directory, by name
    const exports = require(path.join(MODULES, file)) as Record<string, unknown>;
    for (const value of Object.values(exports)) {
      if (FIX_FAMILIES.includes(value as FixFamily)) out.set(value as FixFamily, file.replace(/\.ts$/, ''));
    }
  }
  return out;
}

describe('fix table: coverage', () => {
  it('has a case for every rule of every fix family', () => {
    const missing = FIX_FAMILIES.flatMap((family) => family.rules.filter((rule) => !COVERED.get(family)?.has(rule)).map((rule) => `${familyName(family)}: ${rule.id}`));
    assert.deepEqual(missing, []);
  });

  it('has one table file per module that defines fix families', () => {
    const modules = definingModules();
    assert.deepEqual(FIX_FAMILIES.filter((family) => !modules.has(family)).map(familyName), [], 'every family is exported by a module');
    const tables = new Set(readdirSync(TABLES).map((f) => f.replace(/\.test\.ts$/, '')));
    assert.deepEqual([...new Set(modules.values())].filter((module) => !tables.has(module)).sort(), []);
  });
});
