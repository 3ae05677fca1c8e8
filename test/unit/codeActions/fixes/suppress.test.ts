import { imageTagRule } from '../../../../server/src/rules/images';
import { unknownFieldRule } from '../../../../server/src/schema/schemaRules';
import { actionTable, lines } from '../support/fixTable';

/** "Disable on this line", which every finding gets, fixable or not. */
const pod = (...container: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  containers:', '    - name: web', ...container);

actionTable('disable on this line', [
  {
    title: 'a directive above the line, at its indentation',
    rule: imageTagRule,
    manifest: pod('      image: «web»'),
    apply: 'Disable `image-tag` for this line',
    expected: pod('      # podsmith-disable-next-line image-tag', '      image: web'),
  },
  {
    title: 'the rule added to a directive already above the line',
    rule: imageTagRule,
    manifest: pod('      # podsmith-disable-next-line unknown-field', '      image: «web»'),
    apply: 'Disable `image-tag` for this line',
    expected: pod('      # podsmith-disable-next-line unknown-field image-tag', '      image: web'),
  },
  {
    title: 'CRLF: the directive written ends with CRLF',
    rule: imageTagRule,
    crlf: true,
    manifest: pod('      image: «web»'),
    apply: 'Disable `image-tag` for this line',
    expected: pod('      # podsmith-disable-next-line image-tag', '      image: web'),
  },
  {
    title: 'CRLF: an id added to a directive keeps its line end',
    rule: imageTagRule,
    crlf: true,
    manifest: pod('      # podsmith-disable-next-line unknown-field', '      image: «web»'),
    apply: 'Disable `image-tag` for this line',
    expected: pod('      # podsmith-disable-next-line unknown-field image-tag', '      image: web'),
  },
  {
    title: 'offered on a finding that has no fix of its own',
    rule: unknownFieldRule,
    manifest: pod('      image: web:1', '      «hover over this»: x'),
    offers: [],
    apply: 'Disable `unknown-field` for this line',
    expected: pod('      image: web:1', '      # podsmith-disable-next-line unknown-field', '      hover over this: x'),
  },
]);
