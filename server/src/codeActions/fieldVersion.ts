import { code, keyAt, type FixFamily } from './fix';
import { removePair } from '../document/yamlEdits';
import { fieldVersionRule } from '../schema/schemaRules';

/**
 * A field the targeted Kubernetes version does not have (too new, or removed): remove it. Not preferred and not
 * part of "fix all": the other remedy, targeting the version the cluster really runs, is a setting, not an edit.
 */
export const fieldVersionFixes: FixFamily = {
  rules: [fieldVersionRule],
  fixes(ctx) {
    const at = keyAt(ctx);
    if (!at) return [];
    const edit = removePair(ctx.text, at.map, at.pair);
    if (!edit) return [];
    const since = ctx.finding.data?.since;
    const removedIn = ctx.finding.data?.removedIn;
    const why = typeof since === 'string' ? ` (Kubernetes ${since} and later)` : typeof removedIn === 'string' ? ` (removed in Kubernetes ${removedIn})` : '';
    return [{ title: `Remove ${code(String(ctx.finding.data?.field ?? ''))}${why}`, edits: [edit] }];
  },
};
