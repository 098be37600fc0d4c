import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, queryResponse, startHostileServer, xmlText, type HostileServer } from '../support/hostile-server.js';
import { cliFixture, runCli, STACK_LINE, TEST_CREDENTIALS, type CliResult } from './run-cli.js';

const cli = cliFixture();
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const ROLE = 'arn:aws:iam::123456789012:role/Analyst';

let sts: HostileServer;
beforeAll(async () => {
  sts = await startHostileServer();
});
afterAll(() => sts.close());

function expectFailure(result: CliResult, code: number): void {
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^idc-tui: /u);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
  expect(result.code).toBe(code);
}

const run = (args: string[], env: Record<string, string> = {}, endpoint = cli.emulator.url) =>
  runCli(['--endpoint-url', endpoint, '--cluster-ids', 'analytics-prod', ...args], {
    home: cli.home,
    env: { AWS_REGION: 'us-east-1', AWS_MAX_ATTEMPTS: '1', ...env },
  });

const stsError = (status: number, code: string, message: string) => () => ({
  status,
  body: `<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${xmlText(message)}</Message></Error><RequestId>1</RequestId></ErrorResponse>`,
});

/** The access key ID that signed the last token request the hostile server received. */
function signedWith(): string | undefined {
  const request = sts.requests.filter((r) => r.action === 'GetIdentityCenterAuthToken').at(-1);
  return /Credential=([^/]+)\//u.exec(String(request?.headers.authorization ?? ''))?.[1];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('a failing credential_process', () => {
  it("shows the process's own stderr and exit status, exit 255, and Redshift is never called", async () => {
    cli.home.writeConfig(
      '[profile work]\ncredential_process = sh -c "echo \'corp-login: session expired, run corp-login\' >&2; printf \'\\033]0;pwned\\007\' >&2; exit 3"\n',
    );
    const before = cli.emulator.requests.length;
    const result = await run(['--profile', 'work']);
    expectFailure(result, 255);
    expect(result.stderr).toMatch(/credential_process of profile work failed \(exit status 3\): corp-login: session expired, run corp-login/u);
    expect(result.stderr).not.toMatch(/No AWS credentials found|aws configure/u);
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toContain('␛]0;pwned␇');
    expect(cli.emulator.requests.length).toBe(before);

    // The same profile with a process that works: its credentials sign the request.
    cli.home.writeConfig(
      `[profile work]\ncredential_process = echo '{"Version": 1, "AccessKeyId": "AKIDFROMPROCESS", "SecretAccessKey": "s"}'\n`,
    );
    const works = await run(['--profile', 'work'], {}, sts.url);
    expect(works.stderr).toBe('');
    expect(works.code).toBe(0);
    expect(signedWith()).toBe('AKIDFROMPROCESS');
  });

  it('that prints nothing says so', async () => {
    cli.home.writeConfig('[profile work]\ncredential_process = sh -c "exit 7"\n');
    const result = await run(['--profile', 'work']);
    expectFailure(result, 255);
    expect(result.stderr).toMatch(/credential_process of profile work failed \(exit status 7\), and said nothing on stderr\./u);
  });

  it('that prints no JSON says so, without echoing its output', async () => {
    cli.home.writeConfig('[profile work]\ncredential_process = echo not-json-secret\n');
    const result = await run(['--profile', 'work']);
    expectFailure(result, 255);
    expect(result.stderr).toMatch(/credential_process of profile work printed no JSON document on stdout/u);
    expect(result.stderr).not.toContain('not-json-secret');
  });
});

describe('a role profile whose AssumeRole fails names STS and the role, not the Redshift endpoint', () => {
  const roleProfile = (source = 'base') =>
    `[profile analyst]\nrole_arn = ${ROLE}\nsource_profile = ${source}\n[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = base-secret\n`;

  it('source profile missing', async () => {
    cli.home.writeConfig(roleProfile('nosuch'));
    const result = await run(['--profile', 'analyst'], { AWS_ENDPOINT_URL_STS: sts.url });
    expect(result.stderr).toMatch(new RegExp(`Profile analyst assumes role ${ROLE} with source_profile nosuch, which is not defined`, 'u'));
    expect(result.stderr).not.toMatch(/No AWS credentials found/u);
    expectFailure(result, 255);
  });

  it('AccessDenied from STS', async () => {
    cli.home.writeConfig(roleProfile());
    const message = `User: arn:aws:iam::123456789012:user/base is not authorized to perform: sts:AssumeRole on resource: ${ROLE}`;
    sts.on('AssumeRole', stsError(403, 'AccessDenied', message));
    const result = await run(['--profile', 'analyst'], { AWS_ENDPOINT_URL_STS: sts.url });
    expect(result.stderr).toContain(`STS refused AssumeRole of role ${ROLE} for profile analyst: AccessDenied: ${message}`);
    expect(result.stderr).toMatch(/trust policy/u);
    expect(result.stderr).not.toMatch(/redshift:GetIdentityCenterAuthToken/u);
    expectFailure(result, 254);

    // Once STS lets the role be assumed, the request is signed with the role's credentials.
    sts.on('AssumeRole', () => ({
      body: queryResponse(
        'AssumeRole',
        `<Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>role-secret</SecretAccessKey><SessionToken>role-session</SessionToken><Expiration>${new Date(Date.now() + 3_600_000).toISOString()}</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/Analyst/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser>`,
        STS_NS,
      ),
    }));
    const assumed = await run(['--profile', 'analyst'], { AWS_ENDPOINT_URL_STS: sts.url }, sts.url);
    expect(assumed.stderr).toBe('');
    expect(assumed.code).toBe(0);
    expect(signedWith()).toBe('ASIAROLE');
  });

  it('an invalid role ARN', async () => {
    cli.home.writeConfig(roleProfile().replace(ROLE, 'not-an-arn'));
    sts.on('AssumeRole', stsError(400, 'ValidationError', "1 validation error detected: Value 'not-an-arn' at 'roleArn' failed to satisfy constraint"));
    const result = await run(['--profile', 'analyst'], { AWS_ENDPOINT_URL_STS: sts.url });
    expect(result.stderr).toMatch(/STS refused AssumeRole of role not-an-arn for profile analyst: ValidationError: 1 validation error detected/u);
    expect(result.stderr).not.toMatch(/Redshift/u);
    expectFailure(result, 254);
  });

  it('STS unreachable', async () => {
    cli.home.writeConfig(roleProfile());
    const port = await freePort();
    const result = await run(['--profile', 'analyst'], { AWS_ENDPOINT_URL_STS: `http://127.0.0.1:${port}` });
    expect(result.stderr).toContain(`Cannot reach STS (127.0.0.1:${port}) to assume role ${ROLE} for profile analyst: connection refused.`);
    expect(result.stderr).not.toContain(cli.emulator.url);
    expectFailure(result, 255);
  });
});

describe('expired environment credentials', () => {
  it('are named as environment credentials with the variable names, and the remedy is to refresh or unset them', async () => {
    cli.emulator.setFaults([{ kind: 'expired-creds' }]);
    const result = await run([], { ...TEST_CREDENTIALS, AWS_SESSION_TOKEN: 'session' });
    expect(result.stderr).toMatch(/The AWS credentials from the environment \(AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN\) have expired \(region us-east-1\)\./u);
    expect(result.stderr).toMatch(/Set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN to fresh credentials, or unset them/u);
    expect(result.stderr).not.toMatch(/profile default|aws sso login/u);
    expectFailure(result, 254);

    // With a profile named, the SDK ignores the variables and the profile is what expired.
    cli.home.writeConfig('[profile work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\n');
    const named = await run(['--profile', 'work'], TEST_CREDENTIALS);
    expect(named.stderr).toMatch(/The credentials \(region us-east-1, profile work\) have expired\./u);
    expectFailure(named, 254);
  });
});
