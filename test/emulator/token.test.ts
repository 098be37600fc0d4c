import { GetIdentityCenterAuthTokenCommand } from '@aws-sdk/client-redshift';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { redshift, rejection } from './helpers.js';

let emu: RunningEmulator;
afterEach(async () => emu.close());

const getToken = (ids: string[]) => redshift(emu).send(new GetIdentityCenterAuthTokenCommand({ ClusterIds: ids }));

describe('GetIdentityCenterAuthToken through the real SDK', () => {
  describe('with the demo clusters', () => {
    beforeEach(async () => {
      emu = await startEmulator();
    });

    it('returns a 1–2 KB base64 token that expires an hour from now', async () => {
      const before = Date.now();
      const out = await getToken(['analytics-prod', 'finance-dw']);
      expect(out.Token).toMatch(/^[A-Za-z0-9+/]+={1,2}$/);
      expect(out.Token?.length).toBeGreaterThanOrEqual(1024);
      expect(out.Token?.length).toBeLessThanOrEqual(2048);
      expect(out.ExpirationTime).toBeInstanceOf(Date);
      const expires = out.ExpirationTime?.getTime() ?? 0;
      expect(expires).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 3600_000);
      expect(expires).toBeLessThanOrEqual(Date.now() + 3600_000);
      expect(emu.requests.at(-1)).toMatchObject({
        action: 'GetIdentityCenterAuthToken',
        status: 200,
        authorization: true,
        params: { 'ClusterIds.ClusterIdentifier.1': 'analytics-prod', 'ClusterIds.ClusterIdentifier.2': 'finance-dw' },
      });
      expect(JSON.stringify(emu.requests)).not.toContain(out.Token);
    });

    it('returns a different token on every call', async () => {
      const [a, b] = await Promise.all([getToken(['analytics-prod']), getToken(['analytics-prod'])]);
      expect(a.Token).not.toBe(b.Token);
    });

    it('answers InvalidClusterState for a cluster that is not available', async () => {
      const err = await rejection(getToken(['analytics-prod', 'analytics-dev']));
      expect(err.name).toBe('InvalidClusterStateFault');
      expect(err.message).toContain('analytics-dev');
      expect(err.message).toContain('paused');
      expect(err.$metadata?.httpStatusCode).toBe(400);
    });

    it('answers ClusterNotFound with HTTP 404 for an unknown cluster', async () => {
      const err = await rejection(getToken(['analytics-prod', 'ghost-cluster']));
      expect(err.name).toBe('ClusterNotFoundFault');
      expect(err.message).toBe('Cluster ghost-cluster not found.');
      expect(err.$metadata?.httpStatusCode).toBe(404);
    });

    it.each([
      ['no identifiers', []],
      ['more than 20 identifiers', Array.from({ length: 21 }, (_, i) => `cluster-${i + 1}`)],
      ['an identifier starting with a digit', ['1cluster']],
      ['an identifier ending with a hyphen', ['cluster-']],
      ['two consecutive hyphens', ['my--cluster']],
      ['a character outside letters, digits and hyphens', ['my_cluster']],
      ['an identifier of 64 characters', [`a${'b'.repeat(63)}`]],
      ['an empty identifier', ['']],
      ['a duplicate identifier', ['analytics-prod', 'analytics-prod']],
    ])('answers RedshiftInvalidParameter for %s', async (_label, ids) => {
      const err = await rejection(getToken(ids));
      expect(err.name).toBe('RedshiftInvalidParameterFault');
      expect(err.$metadata?.httpStatusCode).toBe(400);
    });

    it('accepts exactly 20 identifiers of up to 63 characters', async () => {
      const long = `a${'b'.repeat(62)}`;
      emu.clusters.push({ ...emu.clusters[0]!, identifier: long });
      const ids = emu.clusters.filter((c) => c.status === 'available').map((c) => c.identifier).slice(0, 19);
      const out = await getToken([...ids, long]);
      expect(out.Token).toBeTruthy();
    });
  });

  it('uses the configured token lifetime and clock', async () => {
    const now = Date.UTC(2026, 10, 28, 13, 3, 12, 345);
    emu = await startEmulator({ tokenTtlSeconds: 900, now: () => now });
    const out = await getToken(['analytics-prod']);
    expect(out.ExpirationTime?.toISOString()).toBe('2026-11-28T13:18:12.000Z');
  });
});
