import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStsClient } from '../../src/aws/client.js';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { envCredentials, isolatedAwsHome, type AwsHome } from './aws-env.js';

let home: AwsHome;
let emulator: RunningEmulator;

beforeEach(async () => {
  home = isolatedAwsHome(envCredentials);
  emulator = await startEmulator();
});

afterEach(async () => {
  await emulator.close();
  home.restore();
});

function recorder() {
  const lines: string[] = [];
  const log = (...content: unknown[]) => lines.push(content.map((c) => (typeof c === 'string' ? c : JSON.stringify(c))).join(' '));
  return { lines, logger: { debug: log, info: log, warn: log, error: log }, trace: (line: string) => lines.push(line) };
}

describe('clients', () => {
  it('builds an STS client from the same options, with its own endpoint', async () => {
    const sts = createStsClient({ stsEndpointUrl: emulator.url });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity.Arn).toMatch(/^arn:aws:sts::\d{12}:assumed-role\//);
  });

  it('logs and traces a token request without ever showing the token', async () => {
    const { lines, logger, trace } = recorder();
    const api = createRedshiftApi({ endpointUrl: emulator.url, logger, trace });
    const id = emulator.clusters.find((c) => c.status === 'available')?.identifier ?? 'missing';
    const { token } = await api.getToken([id]);

    expect(lines).toContain(`→ POST ${emulator.url}/ GetIdentityCenterAuthTokenCommand (attempt 1/3)`);
    expect(lines.some((l) => /^← 200 GetIdentityCenterAuthTokenCommand request-id \S+$/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('"Token":"***SensitiveInformation***"'))).toBe(true);
    expect(lines.join('\n')).not.toContain(token);
    expect(lines.join('\n')).not.toContain(token.slice(0, 40));
  });

  it('stays silent without a logger even when a profile and env keys are both set', async () => {
    home.writeCredentials('[both]\naws_access_key_id = AKIDFILE\naws_secret_access_key = s\n');
    const written: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void written.push(args.join(' '));
    try {
      const api = createRedshiftApi({ endpointUrl: emulator.url, profile: 'both' });
      for await (const page of api.listClusters()) void page;
    } finally {
      console.warn = original;
    }
    expect(written).toEqual([]);
  });
});
