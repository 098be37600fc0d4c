import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRedshiftApi, type RedshiftApiOptions } from '../../src/aws/redshift-api.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { envCredentials, isolatedAwsHome, type AwsHome, failure } from './aws-env.js';
import { selfSignedCert } from '../emulator/helpers.js';

let certDir: string;
let certFile: string;
let home: AwsHome;
let emulator: RunningEmulator;

beforeAll(() => {
  certDir = mkdtempSync(join(tmpdir(), 'idc-tui-tls-'));
  certFile = join(certDir, 'cert.pem');
  const keyFile = join(certDir, 'key.pem');
  const pair = selfSignedCert();
  writeFileSync(certFile, pair.cert);
  writeFileSync(keyFile, pair.key);
});

afterAll(() => rmSync(certDir, { recursive: true, force: true }));

beforeEach(async () => {
  home = isolatedAwsHome(envCredentials);
  emulator = await startEmulator({ tls: { cert: readFileSync(certFile), key: readFileSync(join(certDir, 'key.pem')) } });
});

afterEach(async () => {
  await emulator.close();
  home.restore();
});

const tokenFor = (options: RedshiftApiOptions) => {
  const id = emulator.clusters.find((c) => c.status === 'available')?.identifier ?? 'missing';
  return createRedshiftApi({ endpointUrl: emulator.url, maxAttempts: 1, ...options }).getToken([id]);
};

describe('HTTPS with a self-signed certificate', () => {
  it('is refused by default, with the way out in the hint', async () => {
    const error = await failure(tokenFor({}));
    expect(error).toMatchObject({ kind: 'network', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(error.message).toBe(`The TLS certificate of ${emulator.url} is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).`);
    expect(error.hint).toContain('--ca-bundle');
    expect(error.exitCode).toBe(255);
  });

  it('is trusted with caBundle', async () => {
    await expect(tokenFor({ caBundle: certFile })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('is trusted with AWS_CA_BUNDLE', async () => {
    process.env['AWS_CA_BUNDLE'] = certFile;
    await expect(tokenFor({})).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('is trusted with ca_bundle in the profile', async () => {
    home.writeConfig(`[profile tls]\nregion = us-east-1\nca_bundle = ${certFile}\n`);
    home.writeCredentials('[tls]\naws_access_key_id = AKIDTLS\naws_secret_access_key = s\n');
    await expect(tokenFor({ profile: 'tls' })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('is accepted unchecked with verifySsl false', async () => {
    await expect(tokenFor({ verifySsl: false })).resolves.toMatchObject({ token: expect.any(String) });
  });

  it('reports a CA bundle that cannot be read as a config error', async () => {
    const missing = join(certDir, 'missing.pem');
    const error = await failure(tokenFor({ caBundle: missing }));
    expect(error).toMatchObject({ kind: 'config', message: `Cannot read the CA bundle "${missing}" (ENOENT).` });
    expect(emulator.requests).toHaveLength(0);
  });
});
