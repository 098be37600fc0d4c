import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createSwitcher } from '../../src/aws/workspace.js';
import { describeContext } from '../../src/aws/describe-context.js';
import { buildCluster } from '../../src/emulator/cluster-builder.js';
import { ACCOUNT_ID } from '../../src/emulator/emulator-cluster.js';
import { CALLER_ARN } from '../../src/emulator/actions/get-caller-identity.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import type { Remembered } from '../../src/domain/memory.js';
import { App, type AppOutcome } from '../../src/ui/app.js';
import { isolatedAwsHome, type AwsHome } from '../aws/aws-env.js';
import { FakeClipboard, ManualClock } from '../ui/fakes.js';
import { KEYS } from '../ui/render-app.js';
import { waitForFrame, waitForText, waitUntil } from '../ui/wait-for-frame.js';

function cluster(identifier: string, status: 'available' | 'paused' = 'available') {
  return buildCluster({
    identifier,
    status,
    nodeType: 'ra3.xlplus',
    numberOfNodes: 2,
    dbName: 'dev',
    availabilityZone: 'us-east-1a',
    createdAt: '2025-01-01T00:00:00.000Z',
    tags: { team: identifier.split('-')[0] as string },
  });
}

let home: AwsHome;
let alpha: RunningEmulator;
let beta: RunningEmulator;

beforeAll(async () => {
  [alpha, beta] = await Promise.all([
    startEmulator({ clusters: [cluster('alpha-warehouse'), cluster('alpha-etl'), cluster('alpha-archive', 'paused')] }),
    startEmulator({ clusters: [cluster('beta-reporting'), cluster('beta-lake')] }),
  ]);
  home = isolatedAwsHome();
  home.writeConfig(
    [
      '[profile alpha]',
      'region = us-east-1',
      `endpoint_url = ${alpha.url}`,
      'aws_access_key_id = AKIDALPHA',
      'aws_secret_access_key = alpha-secret',
      '',
      '[profile beta]',
      'region = eu-west-1',
      `endpoint_url = ${beta.url}`,
      '',
      '[sso-session corp]',
      'sso_start_url = https://example.awsapps.com/start',
      'sso_region = us-east-1',
      '',
      '[profile gamma-sso]',
      'sso_session = corp',
      'sso_account_id = 111122223333',
      'sso_role_name = Analyst',
      'region = us-west-2',
      '',
    ].join('\n'),
  );
  home.writeCredentials(['[beta]', 'aws_access_key_id = AKIDBETA', 'aws_secret_access_key = beta-secret', ''].join('\n'));
});

afterAll(async () => {
  home?.restore();
  await Promise.all([alpha?.close(), beta?.close()]);
});

async function renderReal() {
  const target = { profile: 'alpha', region: 'us-east-1' };
  const first = connect(target);
  const context = await describeContext(target);
  const saves: Remembered[] = [];
  const outcomes: AppOutcome[] = [];
  const clock = new ManualClock(Date.now());
  const r = render(
    <App
      api={first.api}
      session={first.session}
      switcher={createSwitcher({})}
      memory={{ save: (m) => saves.push(m) }}
      workspace={{ target, sort: 'recent' }}
      clipboard={new FakeClipboard()}
      now={clock.now}
      setTick={clock.setTick}
      context={context}
      rows={30}
      columns={170}
      onExit={(o) => outcomes.push(o)}
    />,
  );
  return { ...r, saves, outcomes };
}

const listed = (frame: string, id: string) => new RegExp(`[○●] ${id}\\s`).test(frame);
const requestsOf = (emu: RunningEmulator, action: string) => emu.requests.filter((r) => r.action === action).length;

describe('profile and region switching against two emulators (real SDK, real HTTP)', () => {
  it('P picks another profile and shows its emulator’s clusters; the selection is kept per profile+region', async () => {
    const r = await renderReal();
    try {
      let frame = await waitForFrame(r.lastFrame, (f) => listed(f, 'alpha-warehouse') && f.includes('3 clusters'), { timeout: 10_000, what: 'alpha clusters' });
      expect(frame).toContain('profile alpha');
      expect(frame).toContain('region us-east-1');
      expect(frame).not.toContain('beta-reporting');

      // identity from the emulator's STS, fetched in parallel with the list
      frame = await waitForText(r.lastFrame, `account ${ACCOUNT_ID}`, 10_000);
      expect(frame).toContain(CALLER_ARN);
      expect(requestsOf(alpha, 'GetCallerIdentity')).toBeGreaterThan(0);

      // recent first, then by name: alpha-archive, alpha-etl, alpha-warehouse; select alpha-etl
      r.stdin.write(KEYS.down);
      r.stdin.write(KEYS.space);
      frame = await waitForText(r.lastFrame, '● 1/20');
      expect(frame).toMatch(/● alpha-etl\s/);

      r.stdin.write('P');
      frame = await waitForFrame(r.lastFrame, (f) => f.includes('Switch profile') && f.includes('gamma-sso'), { timeout: 5_000, what: 'the profile picker' });
      expect(frame).toMatch(/● alpha\s+us-east-1 · access keys/);
      expect(frame).toMatch(/beta\s+eu-west-1/);
      expect(frame).toMatch(/gamma-sso\s+us-west-2 · SSO · sso-session corp/);
      expect(frame).not.toMatch(/^\s*corp\b/m);
      expect(frame).toContain('3 profiles');

      r.stdin.write('bet');
      frame = await waitForText(r.lastFrame, '1 of 3 profiles');
      const started = performance.now();
      r.stdin.write(KEYS.enter);
      frame = await waitForFrame(r.lastFrame, (f) => listed(f, 'beta-reporting') && f.includes('2 clusters'), { timeout: 10_000, what: 'beta clusters' });
      const switchMs = performance.now() - started;
      console.log(`switch profile → new list on screen: ${switchMs.toFixed(0)} ms`);
      expect(frame).toContain('profile beta');
      expect(frame).toContain('region eu-west-1');
      expect(frame).toContain('0/20');
      expect(frame).not.toContain('alpha-warehouse');
      expect(requestsOf(beta, 'DescribeClusters')).toBe(1);
      await waitUntil(() => requestsOf(beta, 'GetCallerIdentity') > 0, 'STS on the beta emulator', 5_000);

      r.stdin.write(KEYS.space);
      await waitForText(r.lastFrame, '● 1/20');

      // back to alpha: its selection comes back
      r.stdin.write('P');
      await waitForText(r.lastFrame, 'Switch profile', 5_000);
      r.stdin.write('alpha');
      await waitForText(r.lastFrame, '1 of 3 profiles');
      r.stdin.write(KEYS.enter);
      frame = await waitForFrame(r.lastFrame, (f) => listed(f, 'alpha-warehouse') && f.includes('3 clusters'), { timeout: 10_000, what: 'alpha again' });
      expect(frame).toContain('● 1/20');
      expect(frame).toMatch(/● alpha-etl\s/);

      // R: same profile, another region: its own (empty) selection; back again restores it
      r.stdin.write('R');
      frame = await waitForFrame(r.lastFrame, (f) => f.includes('Switch region') && f.includes('eu-central-1'), { timeout: 5_000, what: 'the region picker' });
      expect(frame).toMatch(/● us-east-1\s+current, profile/);
      r.stdin.write('eu-west-1');
      await waitForText(r.lastFrame, '1 of 37 regions');
      r.stdin.write(KEYS.enter);
      frame = await waitForFrame(r.lastFrame, (f) => f.includes('region eu-west-1') && f.includes('3 clusters'), { timeout: 10_000, what: 'alpha in eu-west-1' });
      expect(frame).toContain('profile alpha');
      expect(frame).toContain('0/20');
      r.stdin.write('R');
      await waitForText(r.lastFrame, 'Switch region', 5_000);
      r.stdin.write('us-east-1');
      await waitForText(r.lastFrame, '1 of 37 regions');
      r.stdin.write(KEYS.enter);
      frame = await waitForFrame(r.lastFrame, (f) => f.includes('region us-east-1') && f.includes('3 clusters') && f.includes('1/20'), { timeout: 10_000, what: 'alpha in us-east-1' });
      expect(frame).toMatch(/● alpha-etl\s/);

      // what would be remembered: IDs per profile|region, the last target, nothing else
      const last = r.saves.at(-1) as Remembered;
      expect(last.last).toEqual({ profile: 'alpha', region: 'us-east-1' });
      expect(last.targets['alpha|us-east-1']?.selection).toEqual(['alpha-etl']);
      expect(last.targets['beta|eu-west-1']?.selection).toEqual(['beta-lake']);
      expect(JSON.stringify(r.saves)).not.toMatch(/secret|AKID|token/i);
    } finally {
      r.unmount();
    }
  }, 60_000);

  it('Esc closes the picker without switching; the filter narrows the list of regions', async () => {
    const r = await renderReal();
    try {
      await waitForFrame(r.lastFrame, (f) => listed(f, 'alpha-warehouse'), { timeout: 10_000, what: 'alpha clusters' });
      const before = requestsOf(alpha, 'DescribeClusters');
      r.stdin.write('R');
      await waitForText(r.lastFrame, 'Switch region', 5_000);
      r.stdin.write('ap-south-');
      const frame = await waitForText(r.lastFrame, '2 of');
      expect(frame).toContain('ap-south-1');
      expect(frame).toContain('ap-south-2');
      expect(frame).not.toContain('eu-west-1');
      r.stdin.write(KEYS.escape);
      const back = await waitForFrame(r.lastFrame, (f) => listed(f, 'alpha-warehouse'), { what: 'the list again' });
      expect(back).toContain('region us-east-1');
      expect(requestsOf(alpha, 'DescribeClusters')).toBe(before);
    } finally {
      r.unmount();
    }
  }, 30_000);
});
