import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { startHostileServer, type HostileServer } from '../support/hostile-server.js';
import { failure, isolatedAwsHome, type AwsHome } from './aws-env.js';

let home: AwsHome | undefined;
let emulator: RunningEmulator | undefined;
let sts: HostileServer | undefined;

afterEach(async () => {
  await emulator?.close();
  await sts?.close();
  emulator = sts = undefined;
  home?.restore();
  home = undefined;
});

describe('credential errors through the real SDK', () => {
  it('a credential_process runs again after it failed, and not on every request once it works', async () => {
    home = isolatedAwsHome({ AWS_REGION: 'us-east-1' });
    emulator = await startEmulator();
    const runs = join(home.dir, 'runs');
    const works = join(home.dir, 'works');
    const script = `echo run >> ${runs}; if [ -e ${works} ]; then echo '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "s"}'; else echo 'sso: please log in' >&2; exit 2; fi`;
    home.writeConfig(`[profile work]\ncredential_process = sh -c "${script.replaceAll('"', '\\"')}"\n`);
    const api = createRedshiftApi({ profile: 'work', endpointUrl: emulator.url, maxAttempts: 1 });

    const error = await failure(api.getToken(['analytics-prod']));
    expect(error.message).toBe('credential_process of profile work failed (exit status 2): sso: please log in');
    expect(error.exitCode).toBe(255);
    expect(emulator.requests).toHaveLength(0);

    writeFileSync(works, '');
    await api.getToken(['analytics-prod']);
    await api.getToken(['analytics-prod']);
    expect(emulator.requests).toHaveLength(2);
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(2);
    api.destroy();
  });

  it('a failed AssumeRole through STS names STS and the role, with the error STS gave', async () => {
    home = isolatedAwsHome({ AWS_REGION: 'us-east-1' });
    emulator = await startEmulator();
    sts = await startHostileServer({
      AssumeRole: () => ({
        status: 403,
        body: '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized to perform: sts:AssumeRole</Message></Error><RequestId>1</RequestId></ErrorResponse>',
      }),
    });
    process.env['AWS_ENDPOINT_URL_STS'] = sts.url;
    home.writeConfig('[profile analyst]\nrole_arn = arn:aws:iam::123456789012:role/Analyst\nsource_profile = base\n[profile base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = s\n');
    const api = createRedshiftApi({ profile: 'analyst', endpointUrl: emulator.url, maxAttempts: 1 });
    const error = await failure(api.getToken(['analytics-prod']));
    expect(error.message).toBe('STS refused AssumeRole of role arn:aws:iam::123456789012:role/Analyst for profile analyst: AccessDenied: not authorized to perform: sts:AssumeRole');
    expect(error.code).toBe('AccessDenied');
    expect(error.exitCode).toBe(254);
    expect(sts.requests.map((r) => r.action)).toEqual(['AssumeRole']);
    expect(emulator.requests).toHaveLength(0);
    api.destroy();
  });
});
