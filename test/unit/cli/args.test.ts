import assert from 'node:assert/strict';
import { failsAt, parseArguments, UsageError, type CheckOptions } from '../../../cli/src/args';

function check(...argv: string[]): CheckOptions {
  const parsed = parseArguments(['check', ...argv], 3);
  assert.equal(parsed.command, 'check');
  return parsed as CheckOptions;
}

function usageError(argv: string[], message: string): void {
  assert.throws(() => parseArguments(argv, 1), (error: unknown) => error instanceof UsageError && error.message === message);
}

describe('cli: command line', () => {
  it('defaults: the current directory, text on standard output, fail on errors, the default jobs', () => {
    const options = check();
    assert.deepEqual(options.paths, ['.']);
    assert.deepEqual(options.outputs, [{ format: 'text' }]);
    assert.equal(options.failOn, 'error');
    assert.equal(options.jobs, 3);
    assert.deepEqual(options.settings, {});
    assert.equal(options.quiet, false);
    assert.equal(options.summary, false);
  });

  it('paths, standard input and everything after --', () => {
    assert.deepEqual(check('k8s/', '-', 'a.yaml').paths, ['k8s/', '-', 'a.yaml']);
    assert.deepEqual(check('--', '--odd-name.yaml').paths, ['--odd-name.yaml']);
  });

  it('settings in the podsmith settings shape, with values after a space or an equals sign', () => {
    const options = check('--kubernetes-version', 'v1.31.2', '--profile=strict', '--pod-security', 'restricted', '--rule', 'image-tag=off', '--rule=missing-resources=info', '--max-file-size', '100', '--no-yaml-syntax');
    assert.deepEqual(options.settings, {
      kubernetesVersion: '1.31',
      profile: 'strict',
      podSecurityStandard: 'restricted',
      maxFileSize: 100,
      validate: { yamlSyntax: false },
      rules: { 'image-tag': 'off', 'missing-resources': 'information' },
    });
  });

  it('--format for standard output and --output format=path for files, several at once', () => {
    const options = check('--format', 'json', '--output', 'sarif=out/podsmith.sarif', '--output=junit=report.xml');
    assert.deepEqual(options.outputs, [{ format: 'json' }, { format: 'sarif', path: 'out/podsmith.sarif' }, { format: 'junit', path: 'report.xml' }]);
  });

  it('output and run options', () => {
    const options = check('--fail-on', 'warning', '--summary', '--quiet', '--jobs', '8', '--ignore', 'vendor/**', '--ignore', '*.tmpl.yaml', '--no-color', '--stdin-name', 'piped.yaml', '--no-config');
    assert.equal(options.failOn, 'warning');
    assert.equal(options.summary, true);
    assert.equal(options.quiet, true);
    assert.equal(options.jobs, 8);
    assert.deepEqual(options.ignore, ['vendor/**', '*.tmpl.yaml']);
    assert.equal(options.color, false);
    assert.equal(options.stdinName, 'piped.yaml');
    assert.equal(options.noConfig, true);
  });

  it('help and version', () => {
    assert.deepEqual(parseArguments([]), { command: 'help' });
    assert.deepEqual(parseArguments(['--help']), { command: 'help' });
    assert.deepEqual(parseArguments(['check', 'k8s', '-h']), { command: 'help' });
    assert.deepEqual(parseArguments(['--version']), { command: 'version' });
  });

  it('mistakes are one clear line each', () => {
    usageError(['lint'], 'unknown command "lint": podsmith check [options] [paths...] (see podsmith --help)');
    usageError(['check', '--frobnicate'], 'unknown option --frobnicate (see podsmith --help)');
    usageError(['check', '--format', 'xml'], '--format must be one of text, json, sarif, junit, github, not "xml"');
    usageError(['check', '--fail-on', 'hint'], '--fail-on must be one of error, warning, info, not "hint"');
    usageError(['check', '--profile', 'paranoid'], '--profile must be one of api, recommended, strict, not "paranoid"');
    usageError(['check', '--pod-security', 'privileged'], '--pod-security must be one of off, baseline, restricted, not "privileged"');
    usageError(['check', '--rule', 'image-tag'], '--rule takes id=level (for example image-tag=off), not "image-tag"');
    usageError(['check', '--rule', 'image-tag=loud'], 'the level of image-tag must be one of off, error, warning, info, information, hint, not "loud"');
    usageError(['check', '--kubernetes-version', 'latest'], '--kubernetes-version must be a version such as 1.31, not "latest"');
    usageError(['check', '--jobs', '0'], '--jobs must be a whole number from 1 to 256, not "0"');
    usageError(['check', '--output', 'sarif'], '--output takes format=path (for example sarif=podsmith.sarif), not "sarif"');
    usageError(['check', '--output', 'pdf=x.pdf'], '--output must be one of text, json, sarif, junit, github, not "pdf"');
    usageError(['check', '--format'], '--format needs a value');
    usageError(['check', '--format', '--quiet'], '--format needs a value');
    usageError(['check', '--quiet=yes'], '--quiet takes no value');
    usageError(['check', '-', '-'], 'standard input (-) can be read only once');
  });

  it('--fail-on: the lowest severity that fails the run; hints never do', () => {
    const table: [string, string, boolean][] = [
      ['error', 'error', true], ['warning', 'error', false], ['information', 'error', false],
      ['error', 'warning', true], ['warning', 'warning', true], ['information', 'warning', false],
      ['warning', 'info', true], ['information', 'info', true], ['hint', 'info', false],
    ];
    for (const [severity, failOn, fails] of table) {
      assert.equal(failsAt(severity as never, failOn as never), fails, `${severity} at --fail-on ${failOn}`);
    }
  });
});
