import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import { assertBuilt, binPath, repoRoot } from '../e2e/built-binary.js';

/**
 * Every bad input, through the BUILT binary with piped stdio: one line of message (plus an
 * optional hint line), the exit code, no stack trace, nothing on stdout, and no request sent
 * (the endpoint is a live emulator that records every request).
 * The same table is in README.md, section "Bad input".
 */

let home: string;
let emulator: RunningEmulator;
let wrongShapeFile: string;

beforeAll(async () => {
  assertBuilt();
  home = mkdtempSync(join(tmpdir(), 'idc-bad-input-'));
  wrongShapeFile = join(home, 'input.json');
  writeFileSync(wrongShapeFile, '{"ClusterIds": [1, 2]}');
  emulator = await startEmulator({});
});

afterAll(async () => {
  await emulator.close();
  rmSync(home, { recursive: true, force: true });
});

interface Case {
  what: string;
  args: (endpoint: string) => string[];
  message: RegExp;
  code: number;
  env?: Record<string, string | undefined>;
}

const LONG = 'a'.repeat(64);
const IDS_21 = Array.from({ length: 21 }, (_, i) => `c${i + 1}`);
const ids = (...list: string[]) => (endpoint: string) => ['--cluster-ids', ...list, '--endpoint-url', endpoint];
const withIds = (...rest: string[]) => (endpoint: string) => ['--cluster-ids', 'a', '--endpoint-url', endpoint, ...rest];

const CASES: Case[] = [
  { what: 'ID starting with a digit', args: ids('1abc'), message: /^Cluster ID "1abc" must start with a letter\.$/u, code: 252 },
  { what: 'ID ending with a hyphen', args: ids('abc-'), message: /^Cluster ID "abc-" must not end with a hyphen\.$/u, code: 252 },
  { what: 'ID with two hyphens in a row', args: ids('a--b'), message: /^Cluster ID "a--b" must not contain two consecutive hyphens\.$/u, code: 252 },
  { what: 'ID with an invalid character', args: ids('a_b'), message: /^Cluster ID "a_b" contains "_"; only ASCII letters, digits and hyphens are allowed\.$/u, code: 252 },
  { what: 'ID with a non-ASCII letter', args: ids('café'), message: /^Cluster ID "café" contains "é"/u, code: 252 },
  { what: 'ID of 64 characters', args: ids(LONG), message: /is 64 characters long; the limit is 63\.$/u, code: 252 },
  { what: 'empty ID', args: ids(''), message: /^A cluster ID is empty; it must be 1 to 63 characters\.$/u, code: 252 },
  { what: '0 IDs', args: ids(), message: /^No cluster IDs given; a token needs at least one\.$/u, code: 252 },
  { what: '21 IDs', args: ids(...IDS_21), message: /^21 cluster IDs given; one token can cover at most 20\.$/u, code: 252 },
  { what: 'duplicate ID', args: ids('a', 'b', 'a'), message: /^Cluster ID "a" is given more than once\.$/u, code: 252 },
  { what: 'duplicate ID in another case', args: ids('abc', 'ABC'), message: /^Cluster IDs "abc" and "ABC" are the same cluster/u, code: 252 },
  { what: 'unknown flag', args: () => ['--cluster-ids', 'a', '--frobnicate'], message: /^unknown option '--frobnicate'$/u, code: 252 },
  { what: 'stray argument', args: () => ['get-token'], message: /too many arguments|unknown command/u, code: 252 },
  { what: 'bad --output', args: withIds('--output', 'yaml'), message: /--output.*'yaml' is invalid.*json, text, table/u, code: 252 },
  { what: 'bad --color', args: withIds('--color', 'sometimes'), message: /--color.*'sometimes' is invalid.*on, off, auto/u, code: 252 },
  { what: 'bad --query syntax', args: withIds('--query', 'Token[['), message: /--query.*is invalid.*JMESPath/u, code: 252 },
  { what: 'malformed --cli-input-json', args: (e) => ['--cli-input-json', '{bad', '--endpoint-url', e], message: /^--cli-input-json is not valid JSON/u, code: 252 },
  { what: '--cli-input-json not an object', args: (e) => ['--cli-input-json', '[1]', '--endpoint-url', e], message: /^--cli-input-json must be a JSON object, not a list\.$/u, code: 252 },
  { what: '--cli-input-json ClusterIds a string', args: (e) => ['--cli-input-json', '{"ClusterIds":"a"}', '--endpoint-url', e], message: /^ClusterIds in --cli-input-json must be a list of strings, not a string\.$/u, code: 252 },
  { what: '--cli-input-json ClusterIds of numbers (file://)', args: (e) => ['--cli-input-json', `file://${wrongShapeFile}`, '--endpoint-url', e], message: /ClusterIds.*--cli-input-json/u, code: 252 },
  { what: '--cli-input-json unknown key', args: (e) => ['--cli-input-json', '{"ClusterIdz":["a"]}', '--endpoint-url', e], message: /ClusterIdz/u, code: 252 },
  { what: '--cli-input-json file:// that does not exist', args: (e) => ['--cli-input-json', 'file:///nonexistent/idc-input.json', '--endpoint-url', e], message: /^Cannot read the --cli-input-json file "\/nonexistent\/idc-input\.json" \(ENOENT\)\.$/u, code: 252 },
  { what: '--endpoint-url not a URL', args: () => ['--cluster-ids', 'a', '--endpoint-url', 'not a url'], message: /--endpoint-url.*'not a url' is invalid.*not a URL/u, code: 252 },
  { what: '--endpoint-url with another scheme', args: () => ['--cluster-ids', 'a', '--endpoint-url', 'ftp://example.com'], message: /--endpoint-url.*the scheme must be http or https, not ftp/u, code: 252 },
  { what: 'missing --ca-bundle file, https endpoint', args: (e) => ['--cluster-ids', 'a', '--endpoint-url', e.replace(/^http:/u, 'https:'), '--ca-bundle', '/nonexistent/ca.pem'], message: /^Cannot read the CA bundle "\/nonexistent\/ca\.pem" \(ENOENT\)\.$/u, code: 253 },
  { what: 'negative --cli-connect-timeout', args: withIds('--cli-connect-timeout', '-5'), message: /--cli-connect-timeout.*'-5' is invalid.*whole number of seconds/u, code: 252 },
  { what: 'non-numeric --cli-read-timeout', args: withIds('--cli-read-timeout', 'abc'), message: /--cli-read-timeout.*'abc' is invalid.*whole number of seconds/u, code: 252 },
  { what: 'fractional --cli-read-timeout', args: withIds('--cli-read-timeout', '1.5'), message: /--cli-read-timeout.*'1\.5' is invalid/u, code: 252 },
  { what: 'unknown profile', args: withIds('--profile', 'nosuch'), message: /^Profile "nosuch" is not defined in the AWS config or credentials file\.$/u, code: 255 },
  { what: 'unknown profile from AWS_PROFILE', args: withIds(), env: { AWS_PROFILE: 'ghost' }, message: /^Profile "ghost" is not defined/u, code: 255 },
  { what: 'bad --cli-binary-format', args: withIds('--cli-binary-format', 'hex'), message: /^option '--cli-binary-format <format>' argument 'hex' is invalid\. Allowed choices are base64, raw-in-base64-out\.$/u, code: 252 },
  { what: '--cluster-ids JSON list that is not JSON', args: () => ['--cluster-ids', '["a",'], message: /^Error parsing parameter '--cluster-ids': Invalid JSON: /u, code: 252 },
  { what: '--cluster-ids JSON list with a number', args: () => ['--cluster-ids', '["a", 7]'], message: /^Invalid type for parameter ClusterIds\[1\], value: 7, type: number, valid types: string$/u, code: 252 },
  { what: 'AWS_MAX_ATTEMPTS not a number', args: withIds(), env: { AWS_MAX_ATTEMPTS: 'abc' }, message: /^Value provided to "max_attempts": abc must be an integer greater than or equal to one\.$/u, code: 255 },
  { what: 'AWS_MAX_ATTEMPTS=0', args: withIds(), env: { AWS_MAX_ATTEMPTS: '0' }, message: /^Value provided to "max_attempts": 0 must be an integer greater than or equal to one\.$/u, code: 255 },
  { what: 'AWS_RETRY_MODE not a mode', args: withIds(), env: { AWS_RETRY_MODE: 'bogus' }, message: /^Invalid value provided to "mode": "bogus" must be one of: "standard" or "adaptive"$/u, code: 255 },
  { what: 'no region', args: withIds(), env: { AWS_REGION: undefined }, message: /^No AWS region is set\.$/u, code: 253 },
];

function runBinary(args: string[], extraEnv: Record<string, string | undefined> = {}) {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('AWS_')) env[k] = v;
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'AKIDBADINPUTTEST',
    AWS_SECRET_ACCESS_KEY: 'bad-input-test-secret',
    AWS_REGION: 'us-east-1',
  });
  for (const [k, v] of Object.entries(extraEnv)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  delete env['NODE_OPTIONS'];
  return spawnSync(process.execPath, [binPath, ...args], { cwd: repoRoot, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 20_000 });
}

describe('bad input: the built binary, piped stdio', () => {
  it.each(CASES.map((c) => [c.what, c] as const))('%s', (_what, c) => {
    const before = emulator.requests.length;
    const result = runBinary(c.args(emulator.url), c.env);
    const lines = result.stderr.split('\n').filter((line) => line.length > 0);
    expect(result.stdout, 'nothing on stdout').toBe('');
    expect(result.stderr, 'no stack trace').not.toMatch(/^\s+at /mu);
    expect(lines.length, result.stderr).toBeGreaterThanOrEqual(1);
    expect(lines.length, `one line and an optional hint:\n${result.stderr}`).toBeLessThanOrEqual(2);
    const [first = ''] = lines;
    expect(first.startsWith('idc-tui: '), first).toBe(true);
    expect(first.slice('idc-tui: '.length)).toMatch(c.message);
    expect(result.status, result.stderr).toBe(c.code);
    expect(emulator.requests.length, 'no request was sent').toBe(before);
  });
});

/** Prints the README table from the real answers: `PRINT_BAD_INPUT_TABLE=1 npx vitest run test/cli/bad-input.test.ts`. */
it.runIf(process.env['PRINT_BAD_INPUT_TABLE'] === '1')('prints the README table', () => {
  const rows = CASES.map((c) => {
    const result = runBinary(c.args('http://127.0.0.1:4566'), c.env);
    const args = c.args('URL').map((a) => (a === '' ? "''" : a.length > 20 ? `${a.slice(0, 17)}…` : a)).join(' ');
    const env = Object.entries(c.env ?? {}).map(([k, v]) => (v === undefined ? `(no ${k})` : `${k}=${v}`)).join(' ');
    const message = result.stderr.trim().split('\n').map((l) => l.replace(/\|/gu, '\\|')).join('<br>');
    return `| ${c.what} | \`${[env, args].filter(Boolean).join(' ').replace(/--endpoint-url URL ?/u, '')}\` | ${message} | ${result.status} |`;
  });
  console.log(['| input | command line | message | exit code |', '|---|---|---|---|', ...rows].join('\n'));
});
