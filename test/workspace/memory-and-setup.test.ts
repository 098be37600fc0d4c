import { mkdtempSync, readFileSync, rmSync, statSync, mkdirSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listProfiles } from '../../src/aws/profiles.js';
import { fileMemoryStore, memoryPath } from '../../src/cli/config-store/memory-store.js';
import { parseCommandLine, type CliOptions } from '../../src/cli/options.js';
import { workspaceSetup } from '../../src/cli/workspace-setup.js';
import { autoRefreshDue, effectiveLeadMs } from '../../src/domain/auto-refresh.js';
import { pushRecent, sortClusters } from '../../src/domain/cluster-sort.js';
import { parseMemory, serializeMemory, targetKey } from '../../src/domain/memory.js';
import { regionChoices, REDSHIFT_REGIONS } from '../../src/domain/regions.js';
import { isolatedAwsHome, type AwsHome } from '../aws/aws-env.js';
import { makeCluster } from '../ui/fakes.js';

describe('memory file format', () => {
  it('keeps only valid cluster IDs, names and the last target; never anything else', () => {
    const memory = parseMemory(
      JSON.stringify({
        version: 1,
        token: 'eyJsecret',
        last: { profile: 'dev', region: 'eu-west-1', secret: 'x' },
        targets: { 'dev|eu-west-1': { selection: ['a-1', 'Bad_ID', 'a-1', 7], recent: ['a-1', 'b-2'], token: 'x' }, 'empty|': { selection: [] } },
      }),
    );
    expect(memory).toEqual({ last: { profile: 'dev', region: 'eu-west-1' }, targets: { 'dev|eu-west-1': { selection: ['a-1'], recent: ['a-1', 'b-2'] } } });
    expect(serializeMemory(memory)).not.toMatch(/secret|token/);
    expect(parseMemory(serializeMemory(memory))).toEqual(memory);
  });

  it.each(['', 'not json', 'null', '[]', '{"targets": 3}'])('a damaged file %j reads as empty', (text) => {
    expect(parseMemory(text)).toEqual({ targets: {} });
  });

  it('targetKey is profile|region', () => {
    expect(targetKey({ profile: 'dev', region: 'us-east-1' })).toBe('dev|us-east-1');
    expect(targetKey({ profile: 'dev' })).toBe('dev|');
  });
});

describe('memory store on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idc-mem-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lives in $XDG_CONFIG_HOME/idc-tui/state.json, else ~/.config', () => {
    expect(memoryPath({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/h' })).toBe('/x/cfg/idc-tui/state.json');
    expect(memoryPath({ HOME: '/h' })).toBe('/h/.config/idc-tui/state.json');
    expect(memoryPath({ XDG_CONFIG_HOME: 'relative', HOME: '/h' })).toBe('/h/.config/idc-tui/state.json');
  });

  it('writes 0600 in a 0700 directory, narrowing a wider existing directory', () => {
    mkdirSync(join(dir, 'idc-tui'));
    chmodSync(join(dir, 'idc-tui'), 0o755);
    {
      const store = fileMemoryStore(join(dir, 'idc-tui', 'state.json'));
      store.save({ last: { profile: 'p' }, targets: { 'p|': { selection: ['c-1'], recent: [] } } });
      expect(statSync(store.path).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'idc-tui')).mode & 0o777).toBe(0o700);
      expect(store.load()).toEqual({ last: { profile: 'p' }, targets: { 'p|': { selection: ['c-1'], recent: [] } } });
    }
  });

  it('a file that cannot be written is not an error', () => {
    writeFileSync(join(dir, 'a-file'), '');
    const store = fileMemoryStore(join(dir, 'a-file', 'idc-tui', 'state.json'));
    expect(() => store.save({ targets: {} })).not.toThrow();
    expect(store.load()).toEqual({ targets: {} });
  });
});

describe('domain: sort, recent, regions, auto-refresh timing', () => {
  const clusters = [makeCluster('b', { status: 'paused' }), makeCluster('c'), makeCluster('a', { status: 'creating' })];
  it.each([
    ['recent', ['c'], ['c', 'a', 'b']],
    ['recent', [], ['a', 'b', 'c']],
    ['name', ['c'], ['a', 'b', 'c']],
    ['status', [], ['c', 'a', 'b']],
    ['listed', ['c'], ['b', 'c', 'a']],
  ] as const)('%s with recent %j → %j', (mode, recent, order) => {
    expect(sortClusters(clusters, mode, recent).map((c) => c.id)).toEqual(order);
  });

  it('pushRecent puts the used IDs first without duplicates and caps the list', () => {
    expect(pushRecent(['a', 'b', 'c'], ['c', 'd'], 4)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('regionChoices: current, then the profile region, then the static list, no duplicates', () => {
    const choices = regionChoices('eu-west-1', 'local-zone-1');
    expect(choices.slice(0, 2)).toEqual([{ region: 'eu-west-1', note: 'current' }, { region: 'local-zone-1', note: 'profile' }]);
    expect(choices.filter((c) => c.region === 'eu-west-1')).toHaveLength(1);
    expect(choices).toHaveLength(REDSHIFT_REGIONS.length + 1);
  });

  it.each([
    // now, expiresAt, receivedAt, before, notBefore, due
    [0, 3600_000, 0, 300_000, null, false],
    [3300_000, 3600_000, 0, 300_000, null, true],
    [3300_000, 3600_000, 0, 300_000, 3330_000, false],
    [3600_000, 3600_000, 0, 300_000, null, false],
    [59_000, 120_000, 0, 300_000, null, false],
    [60_000, 120_000, 0, 300_000, null, true],
  ] as const)('autoRefreshDue now=%d exp=%d recv=%d before=%d notBefore=%s → %s', (now, expiresAt, receivedAt, beforeMs, notBefore, due) => {
    expect(autoRefreshDue({ now, expiresAt, receivedAt, beforeMs, notBefore })).toBe(due);
  });

  it('effectiveLeadMs never exceeds half the lifetime', () => {
    expect(effectiveLeadMs(3600_000, 0, 300_000)).toBe(300_000);
    expect(effectiveLeadMs(120_000, 0, 300_000)).toBe(60_000);
    expect(effectiveLeadMs(0, 10, 300_000)).toBe(0);
  });
});

describe('command line: --auto-refresh and --no-remember', () => {
  const opts = (...argv: string[]) => {
    const { command } = parseCommandLine(argv, { env: {}, stdoutIsTTY: true });
    if (command.kind !== 'run') throw new Error('printed');
    return command.options;
  };
  it.each([
    [[], undefined, true],
    [['--auto-refresh'], 5, true],
    [['--auto-refresh', '10'], 10, true],
    [['--auto-refresh', '0.5', '--no-remember'], 0.5, false],
    [['--auto-refresh', '--profile', 'x'], 5, true],
  ])('%j → auto-refresh %s, remember %s', (argv, minutes, remember) => {
    const o = opts(...argv);
    expect(o.autoRefreshMinutes).toBe(minutes);
    expect(o.remember).toBe(remember);
  });
  it.each([['0'], ['60'], ['soon']])('--auto-refresh %s is a usage error', (value) => {
    expect(() => opts('--auto-refresh', value)).toThrow(/minutes before expiry/);
  });
});

describe('profiles and launch setup from a temp HOME', () => {
  let home: AwsHome;
  let xdg: string;
  beforeEach(() => {
    home = isolatedAwsHome({ AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 's' });
    xdg = mkdtempSync(join(tmpdir(), 'idc-xdg-'));
    home.writeConfig(
      [
        '[default]',
        'region = us-east-1',
        '[profile analytics]',
        'region = eu-west-1',
        'sso_session = corp',
        'sso_account_id = 111122223333',
        'sso_role_name = Analyst',
        '[sso-session corp]',
        'sso_start_url = https://example.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile legacy-sso]',
        'sso_start_url = https://old.awsapps.com/start',
        '[profile admin]',
        'role_arn = arn:aws:iam::111122223333:role/Admin',
        'source_profile = default',
        '[services local]',
        'redshift =',
        '  endpoint_url = http://127.0.0.1:1',
        '',
      ].join('\n'),
    );
    home.writeCredentials('[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s\n[analytics]\naws_access_key_id = AKIDX\naws_secret_access_key = s\n');
  });
  afterEach(() => {
    home.restore();
    rmSync(xdg, { recursive: true, force: true });
  });

  it('lists profiles from config and credentials, including sso-session ones, but not [sso-session] or [services] sections', async () => {
    const profiles = await listProfiles();
    expect(profiles.map((p) => p.name)).toEqual(['default', 'admin', 'analytics', 'ci', 'legacy-sso']);
    expect(profiles.find((p) => p.name === 'analytics')).toEqual({ name: 'analytics', region: 'eu-west-1', kind: 'sso', source: 'both', ssoSession: 'corp' });
    expect(profiles.find((p) => p.name === 'legacy-sso')?.kind).toBe('sso');
    expect(profiles.find((p) => p.name === 'admin')?.kind).toBe('role');
    expect(profiles.find((p) => p.name === 'ci')).toEqual({ name: 'ci', kind: 'keys', source: 'credentials' });
  });

  const cli = (over: Partial<CliOptions> = {}): CliOptions => ({ ...(parseCommandLine([], { env: {}, stdoutIsTTY: true }).command as { options: CliOptions }).options, ...over });
  const store = () => fileMemoryStore(join(xdg, 'idc-tui', 'state.json'));

  it('uses the remembered profile, region and selection when the command line names none', async () => {
    store().save({ last: { profile: 'admin', region: 'eu-central-1' }, targets: { 'admin|eu-central-1': { selection: ['c-1', 'c-2'], recent: ['c-2'] } } });
    const setup = await workspaceSetup(cli(), {}, { demo: false, store: store() });
    expect(setup.clientOptions).toMatchObject({ profile: 'admin', region: 'eu-central-1' });
    expect(setup.context).toMatchObject({ profile: 'admin', region: 'eu-central-1' });
    expect(setup.initialSelection).toEqual(['c-1', 'c-2']);
    expect(setup.app.workspace?.target).toEqual({ profile: 'admin', region: 'eu-central-1' });
    expect(setup.app.memory).toBeDefined();
    expect(setup.app.switcher).toBeDefined();
  });

  it('--profile / --region / --cluster-ids win over memory; a vanished profile is ignored', async () => {
    store().save({ last: { profile: 'admin', region: 'eu-central-1' }, targets: { 'ci|us-west-2': { selection: ['k-1'], recent: [] } } });
    let setup = await workspaceSetup(cli({ profile: 'ci', region: 'us-west-2' }), { profile: 'ci', region: 'us-west-2' }, { demo: false, store: store() });
    expect(setup.context).toMatchObject({ profile: 'ci', region: 'us-west-2' });
    expect(setup.initialSelection).toEqual(['k-1']);
    setup = await workspaceSetup(cli({ profile: 'ci', region: 'us-west-2', clusterIds: ['z-9'] }), { profile: 'ci', region: 'us-west-2' }, { demo: false, store: store() });
    expect(setup.initialSelection).toEqual(['z-9']);
    store().save({ last: { profile: 'gone', region: 'eu-central-1' }, targets: {} });
    setup = await workspaceSetup(cli(), {}, { demo: false, store: store() });
    expect(setup.context.profile).toBe('default');
  });

  it('--no-remember: no store, nothing read', async () => {
    store().save({ last: { profile: 'admin', region: 'eu-central-1' }, targets: { 'admin|eu-central-1': { selection: ['c-1'], recent: [] } } });
    const setup = await workspaceSetup(cli({ remember: false }), {}, { demo: false, store: store() });
    expect(setup.app.memory).toBeUndefined();
    expect(setup.context.profile).toBe('default');
    expect(setup.initialSelection).toBeUndefined();
    expect(readFileSync(store().path, 'utf8')).toContain('admin');
  });
});
