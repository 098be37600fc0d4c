import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedshiftApi, type RedshiftApiOptions } from '../../src/aws/redshift-api.js';
import { describeContext } from '../../src/aws/describe-context.js';
import { parseFault, startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { envCredentials, isolatedAwsHome, TEST_KEY_ID, type AwsHome, failure } from './aws-env.js';

let home: AwsHome | undefined;
let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  home?.restore();
  home = undefined;
});

async function setUp(env: Record<string, string> = {}): Promise<{ home: AwsHome; url: string }> {
  home = isolatedAwsHome(env);
  emulator = await startEmulator();
  return { home, url: emulator.url };
}

const profileCredentials = (profile: string) =>
  `[${profile}]\naws_access_key_id = ${TEST_KEY_ID}\naws_secret_access_key = from-file\n`;

async function firstPage(options: RedshiftApiOptions): Promise<number> {
  for await (const page of createRedshiftApi(options).listClusters()) return page.length;
  return 0;
}

describe('where requests go', () => {
  it('uses endpoint_url and region of the profile given as an option, with its credentials from the file', async () => {
    const { home, url } = await setUp();
    home.writeConfig(`[default]\nregion = eu-west-1\n[profile emu]\nregion = us-east-1\nendpoint_url = ${url}\n`);
    home.writeCredentials(profileCredentials('emu'));
    expect(await firstPage({ profile: 'emu' })).toBeGreaterThan(0);
    expect(emulator?.requests[0]?.authorization).toBe(true);
    await expect(describeContext({ profile: 'emu' })).resolves.toEqual({ profile: 'emu', region: 'us-east-1', endpoint: url });
  });

  it('uses endpoint_url of the profile named by AWS_PROFILE (the SDK on its own)', async () => {
    const { home, url } = await setUp({ AWS_PROFILE: 'emu' });
    home.writeConfig(`[profile emu]\nregion = us-east-1\nendpoint_url = ${url}\n`);
    home.writeCredentials(profileCredentials('emu'));
    expect(await firstPage({})).toBeGreaterThan(0);
  });

  it('uses the redshift entry of a services section', async () => {
    const { home, url } = await setUp();
    home.writeConfig(`[profile emu]\nregion = us-east-1\nservices = local\n[services local]\nredshift =\n  endpoint_url = ${url}\n`);
    home.writeCredentials(profileCredentials('emu'));
    expect(await firstPage({ profile: 'emu' })).toBeGreaterThan(0);
  });

  it.each(['AWS_ENDPOINT_URL_REDSHIFT', 'AWS_ENDPOINT_URL'])('uses %s from the environment', async (variable) => {
    const { url } = await setUp(envCredentials);
    process.env[variable] = url;
    expect(await firstPage({})).toBeGreaterThan(0);
    await expect(describeContext({})).resolves.toEqual({ profile: 'default', region: 'us-east-1', endpoint: url });
  });

  it('prefers the endpoint option over the environment', async () => {
    const { url } = await setUp({ ...envCredentials, AWS_ENDPOINT_URL_REDSHIFT: 'http://127.0.0.1:9' });
    expect(await firstPage({ endpointUrl: url })).toBeGreaterThan(0);
  });

  it('reads AWS_DEFAULT_REGION as the AWS CLI does, below AWS_REGION and above the profile', async () => {
    const { home } = await setUp({ AWS_DEFAULT_REGION: 'eu-central-1' });
    home.writeConfig('[default]\nregion = ap-south-1\n');
    expect((await describeContext()).region).toBe('eu-central-1');
    process.env['AWS_REGION'] = 'us-west-2';
    expect((await describeContext()).region).toBe('us-west-2');
    expect((await describeContext({ region: 'sa-east-1' })).region).toBe('sa-east-1');
  });

  it('describes an unconfigured machine without throwing', async () => {
    await setUp();
    await expect(describeContext()).resolves.toEqual({ profile: 'default', region: undefined, endpoint: undefined });
  });

  it('takes max_attempts from the profile', async () => {
    const { home, url } = await setUp();
    home.writeConfig(`[profile emu]\nregion = us-east-1\nmax_attempts = 2\n`);
    home.writeCredentials(profileCredentials('emu'));
    emulator?.setFaults([parseFault('throttle')]);
    const error = await failure(createRedshiftApi({ profile: 'emu', endpointUrl: url }).getToken(['x']));
    expect(error).toMatchObject({ code: 'Throttling', retryable: true });
    expect(emulator?.requests).toHaveLength(2);
  });
});

describe('configuration problems: none at all is 253, a missing or failing profile 255 (as the AWS CLI v2)', () => {
  it('no credentials anywhere', async () => {
    const { url } = await setUp({ AWS_REGION: 'us-east-1' });
    const error = await failure(createRedshiftApi({ endpointUrl: url }).getToken(['x']));
    expect(error).toMatchObject({
      kind: 'config',
      message: 'No AWS credentials found for profile default.',
      hint: 'Run aws configure or aws sso login, or choose a profile with --profile or AWS_PROFILE.',
    });
    expect(error.exitCode).toBe(253);
    expect(emulator?.requests).toHaveLength(0);
  });

  it('no region', async () => {
    const { url } = await setUp({ AWS_ACCESS_KEY_ID: TEST_KEY_ID, AWS_SECRET_ACCESS_KEY: 's' });
    const error = await failure(createRedshiftApi({ endpointUrl: url }).getToken(['x']));
    expect(error).toMatchObject({
      kind: 'config',
      message: 'No AWS region is set.',
      hint: 'Pass --region, set AWS_REGION, or add region to the profile in ~/.aws/config.',
    });
    expect(error.exitCode).toBe(253);
  });

  it('a profile that does not exist, even though the region is then missing too', async () => {
    const { home, url } = await setUp();
    home.writeConfig('[profile real]\nregion = us-east-1\n');
    const error = await failure(createRedshiftApi({ profile: 'nope', endpointUrl: url }).getToken(['x']));
    expect(error).toMatchObject({ kind: 'credentials', message: 'Profile "nope" is not defined in the AWS config or credentials file.' });
    expect(error.exitCode).toBe(255);
  });

  it('an expired IAM Identity Center (SSO) session names the login command', async () => {
    const { home, url } = await setUp();
    home.writeConfig(
      [
        '[profile work]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = Analyst',
        'region = us-east-1',
        '[sso-session corp]',
        'sso_region = us-east-1',
        'sso_start_url = https://corp.awsapps.com/start',
        '',
      ].join('\n'),
    );
    const cache = join(home.dir, '.aws', 'sso', 'cache');
    mkdirSync(cache, { recursive: true });
    const cacheName = createHash('sha1').update('corp').digest('hex');
    writeFileSync(
      join(cache, `${cacheName}.json`),
      JSON.stringify({ accessToken: 'expired', expiresAt: '2020-01-01T00:00:00Z', region: 'us-east-1', startUrl: 'https://corp.awsapps.com/start' }),
    );
    const error = await failure(createRedshiftApi({ profile: 'work', endpointUrl: url }).getToken(['x']));
    expect(error).toMatchObject({
      kind: 'credentials',
      message: 'The SSO session for profile work has expired or is not valid.',
      hint: 'Run: aws sso login --profile work (or refresh your credentials), then retry.',
    });
    expect(error.exitCode).toBe(255);
    expect(emulator?.requests).toHaveLength(0);
  });
});
