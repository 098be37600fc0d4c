import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionInfo } from '../../src/aws/identity.js';
import { connect } from '../../src/aws/workspace.js';
import { startDemo } from '../../src/cli/demo.js';
import { parseCommandLine } from '../../src/cli/options.js';
import { workspaceSetup } from '../../src/cli/workspace-setup.js';
import { CALLER_ARN } from '../../src/emulator/actions/get-caller-identity.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { closedPort } from '../support/forward-proxy.js';
import { envCredentials, isolatedAwsHome, type AwsHome } from './aws-env.js';

/**
 * STS GetCallerIdentity (the header's identity) goes to STS, by STS's own endpoint settings;
 * --endpoint-url is Redshift's only, as in the AWS CLI. Two emulators: "redshift" is the
 * --endpoint-url, "sts" the one STS's settings name.
 */

let home: AwsHome;
let redshift: RunningEmulator;
let sts: RunningEmulator;

beforeEach(async () => {
  home = isolatedAwsHome(envCredentials);
  [redshift, sts] = await Promise.all([startEmulator(), startEmulator()]);
});
afterEach(async () => {
  await Promise.all([redshift.close(), sts.close()]);
  home.restore();
});

const stsCalls = (emu: RunningEmulator) => emu.requests.filter((r) => r.action === 'GetCallerIdentity').length;

describe('where GetCallerIdentity goes', () => {
  it('to AWS_ENDPOINT_URL_STS, never to the Redshift --endpoint-url', async () => {
    process.env['AWS_ENDPOINT_URL_STS'] = sts.url;
    const session = createSessionInfo({ endpointUrl: redshift.url });
    try {
      await expect(session.identity()).resolves.toEqual({ account: '123456789012', arn: CALLER_ARN });
    } finally {
      session.destroy();
    }
    expect(stsCalls(sts)).toBe(1);
    expect(stsCalls(redshift)).toBe(0);
  });

  it('to the profile’s services section (sts = endpoint_url = …), while Redshift uses --endpoint-url', async () => {
    home.writeConfig(['[profile analytics]', 'region = us-east-1', 'services = local', '', '[services local]', 'sts =', `  endpoint_url = ${sts.url}`, ''].join('\n'));
    home.writeCredentials('[analytics]\naws_access_key_id = AKIDSTS\naws_secret_access_key = s\n');
    const connection = connect({ profile: 'analytics', endpointUrl: redshift.url });
    try {
      await expect(connection.session?.identity()).resolves.toMatchObject({ account: '123456789012' });
      for await (const page of connection.api.listClusters()) expect(page.length).toBeGreaterThan(0);
    } finally {
      connection.close?.();
    }
    expect(stsCalls(sts)).toBe(1);
    expect(stsCalls(redshift)).toBe(0);
    expect(redshift.requests.map((r) => r.action)).toEqual(['DescribeClusters']);
  });

  it('to AWS_ENDPOINT_URL when no STS endpoint is named', async () => {
    process.env['AWS_ENDPOINT_URL'] = sts.url;
    const session = createSessionInfo({ endpointUrl: redshift.url });
    try {
      await session.identity();
    } finally {
      session.destroy();
    }
    expect(stsCalls(sts)).toBe(1);
    expect(stsCalls(redshift)).toBe(0);
  });

  it('--demo points STS at its own emulator, whatever the environment says', async () => {
    process.env['AWS_ENDPOINT_URL_STS'] = `http://127.0.0.1:${await closedPort()}`;
    const { command } = parseCommandLine(['--demo'], { env: {}, stdoutIsTTY: true });
    if (command.kind !== 'run') throw new Error('expected options');
    const demo = await startDemo(command.options);
    try {
      const setup = await workspaceSetup(demo.options, { endpointUrl: demo.options.endpointUrl, region: demo.options.region, ...demo.client }, { demo: true });
      try {
        await expect(setup.app.session?.identity()).resolves.toEqual({ account: '123456789012', arn: CALLER_ARN });
      } finally {
        setup.close();
      }
    } finally {
      await demo.close();
    }
  });
});
