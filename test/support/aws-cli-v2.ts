import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

/**
 * The real AWS CLI v2 the parity tests compare against: Debian's awscli at /usr/bin/aws (an `aws`
 * earlier on PATH may be v1), its Python at /usr/bin/python3. IDC_TUI_AWS_CLI / IDC_TUI_AWS_PYTHON
 * point elsewhere. `.ci/run` installs it; on CI a missing CLI fails the suite instead of skipping it.
 */
export const AWS_CLI = process.env['IDC_TUI_AWS_CLI'] ?? '/usr/bin/aws';
export const AWS_PYTHON = process.env['IDC_TUI_AWS_PYTHON'] ?? '/usr/bin/python3';

/** The Redshift model with GetIdentityCenterAuthToken, which the CLI 2.9 in Debian lacks. */
export const REDSHIFT_MODEL = fileURLToPath(new URL('../fixtures/redshift-service-2.json', import.meta.url));

const version = spawnSync(AWS_CLI, ['--version'], { encoding: 'utf8' });
export const hasAwsCliV2 = version.status === 0 && /^aws-cli\/2\./u.test(version.stdout);
export const hasAwscliV2Python =
  spawnSync(AWS_PYTHON, ['-c', 'import awscli, awscli.formatter, sys; sys.exit(0 if awscli.__version__.startswith("2.") else 1)'], { stdio: 'ignore' }).status === 0;

const onCi = (process.env['CI'] ?? '') !== '' && process.env['CI'] !== 'false' && process.env['CI'] !== '0';

/** A test that fails on CI when the AWS CLI v2 is missing (locally the suite is skipped instead). */
export function requireOnCi(what: string, available: boolean): void {
  it.runIf(onCi)(`${what} is installed (CI runs the parity suite, never skips it)`, () => {
    if (!available) throw new Error(`${what} is missing: .ci/run installs Debian's awscli (/usr/bin/aws)`);
  });
}

/** Adds the Redshift model from test/fixtures to the CLI's data in `home` (its ~/.aws/models). */
export function addRedshiftModel(home: string): void {
  execFileSync(AWS_CLI, ['configure', 'add-model', '--service-model', `file://${REDSHIFT_MODEL}`, '--service-name', 'redshift'], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home },
    stdio: 'ignore',
  });
}
