import assert from 'node:assert/strict';
import { plainText } from '../../../client/src/plainText';

describe('client: messages and titles as plain text', () => {
  const cases: [string, string][] = [
    ['Container `web` mounts volume `config`, which is not defined', "Container 'web' mounts volume 'config', which is not defined"],
    ['Disable `invalid-enum` for this line', "Disable 'invalid-enum' for this line"],
    ['a name with a backtick: `` a`b ``', "a name with a backtick: 'a`b'"],
    ['an unclosed ` stays as written', 'an unclosed ` stays as written'],
    ['no code at all', 'no code at all'],
  ];
  for (const [message, shown] of cases) it(JSON.stringify(message), () => assert.equal(plainText(message), shown));
});
