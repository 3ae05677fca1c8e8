import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coveredText, diagnosticsOf, settingsWith } from '../../support/service';

/** examples/security-context.yaml: clean under the api profile, one practice finding by default; at restricted only its second Deployment fails, on these fields. */
const text = readFileSync(path.resolve(__dirname, '../../../../examples/security-context.yaml'), 'utf8');

describe('examples/security-context.yaml', () => {
  it('has no finding at all under the api profile', () => {
    assert.deepEqual(diagnosticsOf(text, settingsWith({ profile: 'api' })).map((d) => d.message), []);
  });

  it('with the default settings (recommended): only the added NET_ADMIN of the second Deployment', () => {
    assert.deepEqual(diagnosticsOf(text, settingsWith()).map((d) => [d.code, coveredText(text, d)]), [['dangerous-capabilities', 'NET_ADMIN']]);
  });

  it('at restricted: the first Deployment passes, the second fails on exactly these fields', () => {
    const second = text.indexOf('name: shop-legacy');
    const found = diagnosticsOf(text, settingsWith({ podSecurityStandard: 'restricted' }));
    const doc = (line: number) => (line < text.slice(0, second).split('\n').length ? 'shop' : 'shop-legacy');
    assert.deepEqual(
      found.map((d) => [doc(d.range.start.line), d.code, coveredText(text, d)]),
      [
        ['shop-legacy', 'pss-capabilities', 'NET_ADMIN'],
        ['shop-legacy', 'pss-capabilities', 'capabilities'],
        ['shop-legacy', 'pss-privilege-escalation', 'securityContext'],
        ['shop-legacy', 'pss-capabilities', 'metrics'],
        ['shop-legacy', 'pss-privilege-escalation', 'metrics'],
        ['shop-legacy', 'pss-run-as-non-root', 'false'],
        ['shop-legacy', 'pss-seccomp', 'securityContext'],
        ['shop-legacy', 'pss-seccomp', 'metrics'],
      ],
    );
  });
});
