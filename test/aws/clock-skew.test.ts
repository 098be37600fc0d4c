import { describe, expect, it } from 'vitest';
import { createRedshiftApi } from '../../src/aws/redshift-api.js';
import { assessTokenTiming } from '../../src/domain/token-timing.js';
import { parseFault, type RunningEmulator } from '../../src/emulator/server.js';
import { emulatorPerTest } from './aws-env.js';

let emulator: RunningEmulator;
const startTestEmulator = emulatorPerTest();

const availableId = () => emulator.clusters.find((c) => c.status === 'available')?.identifier ?? 'missing';
const HOUR = 3600_000;

describe("the SDK's clock-skew correction reaches the token (real SDK, real HTTP)", () => {
  it('a server clock 2 hours ahead: the SDK corrects after SignatureDoesNotMatch, the offset comes with the token', async () => {
    emulator = await startTestEmulator({ faults: [parseFault('skew:7200')] });
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const retries: string[] = [];
    const token = await api.getToken([availableId()], { onRetry: (_n, reason) => retries.push(reason) });
    // first attempt signed with the local clock is refused, the SDK adopts the server's Date and retries
    expect(emulator.requests.map((r) => r.code ?? r.status)).toEqual(['SignatureDoesNotMatch', 200]);
    expect(retries).toEqual(['SignatureDoesNotMatch (HTTP 403)']);
    expect(api.client.config.systemClockOffset).toBeGreaterThan(7200_000 - 3_000);
    expect(token.clockOffsetMs).toBeGreaterThan(7200_000 - 3_000);
    expect(token.clockOffsetMs).toBeLessThan(7200_000 + 3_000);
    // uncorrected this would be 3 hours left; corrected it is the usual hour
    const timing = assessTokenTiming({ ...token, receivedAt: Date.now() });
    expect(timing.problem).toBeNull();
    expect(timing.localExpiresAt.getTime() - Date.now()).toBeGreaterThan(HOUR - 10_000);
    expect(timing.localExpiresAt.getTime() - Date.now()).toBeLessThanOrEqual(HOUR);
    api.destroy();
  });

  it('a server 3 minutes behind (inside the signing window): measured from the Date header, no retry', async () => {
    emulator = await startTestEmulator({ faults: [parseFault('skew:-180')] });
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const token = await api.getToken([availableId()]);
    expect(emulator.requests.map((r) => r.code ?? r.status)).toEqual([200]);
    expect(token.clockOffsetMs).toBeLessThan(-180_000 + 2_000);
    expect(token.clockOffsetMs).toBeGreaterThan(-180_000 - 2_000);
    const timing = assessTokenTiming({ ...token, receivedAt: Date.now() });
    expect(timing.correctionMs).toBe(token.clockOffsetMs);
    expect(timing.problem).toBeNull();
    api.destroy();
  });

  it('no skew: the offset is Date-header rounding and is not applied', async () => {
    emulator = await startTestEmulator({});
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const token = await api.getToken([availableId()]);
    expect(Math.abs(token.clockOffsetMs ?? 0)).toBeLessThan(2_000);
    expect(assessTokenTiming({ ...token, receivedAt: Date.now() }).correctionMs).toBe(0);
    api.destroy();
  });

  it('past-expiry: the token arrives expired and is reported so', async () => {
    emulator = await startTestEmulator({ faults: [parseFault('past-expiry')] });
    const api = createRedshiftApi({ endpointUrl: emulator.url });
    const token = await api.getToken([availableId()]);
    const timing = assessTokenTiming({ ...token, receivedAt: Date.now() });
    expect(timing.problem?.kind).toBe('expired-on-arrival');
    api.destroy();
  });
});
