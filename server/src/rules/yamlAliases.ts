import type { ResolutionProblem } from '../document/resolvedView';
import type { Check, CheckContext, RuleDescriptor } from '../core/rule';

export const yamlAliasRule: RuleDescriptor = {
  id: 'yaml-alias',
  defaultSeverity: 'error',
  profile: 'api',
  rationale: 'kubectl refuses a document whose alias names no anchor, whose anchor contains itself, or whose merge key (`<<`) brings something other than mappings.',
  example: 'labels:\n  <<: *labels   # no &labels above',
  fix: 'Define the anchor (`&labels`) before the alias, or merge a mapping (or a list of mappings).',
};

export const yamlAliasExpansionRule: RuleDescriptor = {
  id: 'yaml-alias-expansion',
  defaultSeverity: 'warning',
  profile: 'api',
  rationale: 'Aliases of aliases multiply: a few lines can stand for millions of nodes (an "alias bomb"). Podsmith expands a bounded number and checks less past that.',
  example: 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n# ...six more levels',
  fix: 'Write the repeated parts out, or use fewer levels of aliases.',
};

/** Reports what the resolved view (document/resolvedView.ts) could not resolve, where the person wrote it. */
export const yamlAliasesCheck: Check = {
  name: 'yaml-aliases',
  rules: [yamlAliasRule, yamlAliasExpansionRule],
  appliesTo: 'yaml',
  run(ctx: CheckContext) {
    if (!ctx.settings.yamlSyntax) return;
    for (const problem of ctx.doc.resolved.problems) {
      const { start, end } = problem;
      if (problem.kind === 'budget') ctx.report(yamlAliasExpansionRule, { message: budgetMessage(problem), start, end });
      else ctx.report(yamlAliasRule, { message: aliasMessage(problem), start, end });
    }
  },
};

function aliasMessage(problem: ResolutionProblem): string {
  switch (problem.kind) {
    case 'unknown-anchor':
      return `The alias \`*${problem.name}\` names no anchor: kubectl fails ("unknown anchor '${problem.name}' referenced"). Define \`&${problem.name}\` on a node above it.`;
    case 'cycle':
      return `The alias \`*${problem.name}\` stands inside the node its anchor \`&${problem.name}\` names, so that node would contain itself: kubectl refuses it.`;
    default:
      return 'A merge key (`<<`) brings the pairs of a mapping, or of a list of mappings: kubectl fails on anything else ("map merge requires map or sequence of maps as the value").';
  }
}

function budgetMessage(problem: ResolutionProblem): string {
  return `Aliases here expand to more than Podsmith reads in one document: \`*${problem.name}\` and the aliases after it are not expanded, so what they stand for is not checked.`;
}
