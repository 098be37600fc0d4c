#!/usr/bin/env node
// The performance benchmark of issue 6: prints a table of medians, ratios and targets, and writes
// the same as JSON to bench-results/latest.json. It never fails on a missed target.
//
//   npm run bench                    # builds, then every measure several times
//   node scripts/bench.mjs --quick   # each measure once, small sizes (a CI smoke run)
//   node scripts/bench.mjs --runs 7 --idle 30 --clusters 10000 --json out.json
//   node scripts/bench.mjs --only launch|big --bin other/idc-tui.js   # one part, another build
//   node scripts/bench.mjs --only launch --compare other/idc-tui.js  # launch of two builds, interleaved
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PtySession } from './bench/pty.mjs';
import { cpuTicks, clockTicksPerSecond, memoryStatus } from './bench/proc.mjs';
import { formatTable, median, percentile } from './bench/stats.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
let bin = join(root, 'bin', 'idc-tui.js');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'launch-runs': { type: 'string' },
    clusters: { type: 'string' },
    keys: { type: 'string' },
    idle: { type: 'string' },
    json: { type: 'string' },
    only: { type: 'string' },
    bin: { type: 'string' },
    compare: { type: 'string' },
  },
});
const quick = args.quick;
if (args.bin) bin = resolve(args.bin); // another build of the app, to compare before and after a change
const config = {
  quick,
  launchRuns: Number(args['launch-runs'] ?? (quick ? 1 : 7)),
  bigRuns: Number(args.runs ?? (quick ? 1 : 3)),
  launchClusters: 50,
  bigClusters: Number(args.clusters ?? (quick ? 2000 : 10_000)),
  keysPerKind: Number(args.keys ?? (quick ? 8 : 50)),
  keyGapMs: 100,
  idleSeconds: Number(args.idle ?? (quick ? 5 : 30)),
  rows: 40,
  cols: 120,
};
const jsonPath = args.json ?? join(root, 'bench-results', 'latest.json');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (line) => process.stderr.write(`${line}\n`);

async function startEmulator(clusters) {
  const child = spawn(process.execPath, [bin, 'emulator', '--port', '0', '--clusters', String(clusters)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl).trim());
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, close: () => child.kill('SIGTERM') };
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

const tmp = await mkdtemp(join(tmpdir(), 'idc-tui-bench-'));
await writeFile(join(tmp, 'config'), '');
await writeFile(join(tmp, 'credentials'), '');
/** Static credentials and an empty shared config: the same for the app and the AWS CLI. */
const awsEnv = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK',
  AWS_SECRET_ACCESS_KEY: 'bench-secret',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: join(tmp, 'config'),
  AWS_SHARED_CREDENTIALS_FILE: join(tmp, 'credentials'),
  AWS_PAGER: '',
  // The app remembers selections and recent clusters: never in the user's own config, and the
  // same (empty) memory at every start.
  XDG_CONFIG_HOME: join(tmp, 'config-home'),
  // V8's compiled code for the app (src/launcher/code-cache.ts): made by the warm-up run below.
  XDG_CACHE_HOME: join(tmp, 'cache-home'),
  TERM: process.env.TERM && process.env.TERM !== 'dumb' ? process.env.TERM : 'xterm-256color',
};
for (const k of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_REDSHIFT', 'IDC_TUI_BENCH_EVENTS']) delete awsEnv[k];

/** Wall time from fork to exit in the pseudo-terminal. */
async function timeToExit(cmd) {
  const s = new PtySession(cmd, { env: awsEnv, rows: config.rows, cols: config.cols });
  const { t0 } = await s.spawned;
  const { t, code, cpuMs } = await s.exited;
  if (code !== 0) throw new Error(`${cmd.join(' ')} exited with ${code}`);
  return { ms: t - t0, cpuMs };
}

/** Wall time from fork to the loaded list ("N clusters") on screen; `hold` keeps the app running until it resolves. */
async function timeToList(url, clusters, app = bin, { env = awsEnv, hold } = {}) {
  const s = new PtySession([process.execPath, app, '--endpoint-url', url], { env, rows: config.rows, cols: config.cols });
  const { t0, pid } = await s.spawned;
  try {
    const { t } = await s.waitFor(`(?<!… )\\b${clusters} clusters`, { from: 'start', timeoutMs: 30_000 });
    const result = { ms: t - t0, cpuMs: (cpuTicks(pid) * 1000) / clockTicksPerSecond() };
    await hold?.();
    return result;
  } finally {
    await s.kill();
  }
}

/** The app saves its compiled code a second after the list: wait for the file (at most 10 s), unless it runs from the build's. */
async function codeCacheSaved() {
  const built = await readdir(join(bin, '..', '..', 'dist')).catch(() => []);
  if (built.some((n) => n.startsWith(`code-${process.version}-${process.arch}-`) && n.endsWith('.bin'))) return;
  const dir = join(awsEnv.XDG_CACHE_HOME, 'idc-tui');
  for (let waited = 0; waited < 10_000; waited += 100) {
    const names = await readdir(dir).catch(() => []);
    if (names.some((n) => /^code-.*\.bin$/.test(n))) return;
    await sleep(100);
  }
  log('  (no code cache was saved: every start below compiles the app from scratch)');
}

/** With the cache off: a start that has neither the user's cache nor the one the build made (another Node). */
const coldEnv = { ...awsEnv, IDC_TUI_CODE_CACHE: 'off' };

async function measureLaunch() {
  const emulator = await startEmulator(config.launchClusters);
  const aws = which('aws');
  const samples = { node: [], app: [], first: [], cold: [], aws: [], ...(args.compare && { compare: [] }) };
  const cpu = { node: [], app: [], first: [], cold: [], aws: [], ...(args.compare && { compare: [] }) };
  const add = (name, { ms, cpuMs }) => {
    samples[name].push(ms);
    cpu[name].push(cpuMs);
  };
  try {
    // Warm the disk cache once; then interleave so that drift of the machine hits all three alike.
    await timeToExit([process.execPath, '-e', '']);
    await timeToList(emulator.url, config.launchClusters, bin, { hold: codeCacheSaved });
    if (args.compare) await timeToList(emulator.url, config.launchClusters, resolve(args.compare));
    if (aws) await timeToExit([aws, 'redshift', 'describe-clusters', '--endpoint-url', emulator.url, '--region', 'us-east-1']);
    for (let i = 0; i < config.launchRuns; i++) {
      add('node', await timeToExit([process.execPath, '-e', '']));
      // Two builds take turns at going first: the first launch after another process measured slower.
      const builds = args.compare && i % 2 === 1 ? ['compare', 'app'] : ['app', 'compare'];
      for (const build of builds) {
        if (build === 'app') add('app', await timeToList(emulator.url, config.launchClusters));
        else if (args.compare) add('compare', await timeToList(emulator.url, config.launchClusters, resolve(args.compare)));
      }
      add('first', await timeToList(emulator.url, config.launchClusters, bin, { env: { ...awsEnv, XDG_CACHE_HOME: join(tmp, `first-start-${i}`) } }));
      add('cold', await timeToList(emulator.url, config.launchClusters, bin, { env: coldEnv }));
      if (aws) add('aws', await timeToExit([aws, 'redshift', 'describe-clusters', '--endpoint-url', emulator.url, '--region', 'us-east-1']));
      log(`  launch run ${i + 1}: node ${samples.node.at(-1).toFixed(0)} ms, app ${samples.app.at(-1).toFixed(0)} ms (first start ${samples.first.at(-1).toFixed(0)} ms, no code cache ${samples.cold.at(-1).toFixed(0)} ms)${aws ? `, aws ${samples.aws.at(-1).toFixed(0)} ms` : ''}${args.compare ? `, compare ${samples.compare.at(-1).toFixed(0)} ms` : ''}`);
    }
  } finally {
    emulator.close();
  }
  return { samples, cpu, aws: Boolean(aws) };
}

async function readEvents(path) {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

/** For each key written at `sent`: its input arriving in the app (the `key` event) to the next Ink render. */
function keyLatencies(sends, events) {
  const keys = events.filter((e) => e.event === 'key').map((e) => e.t);
  const renders = events.filter((e) => e.event === 'render').map((e) => e.t);
  const out = {};
  const fromWrite = {}; // from the write to the terminal: includes time the input waited for a busy app
  let missing = 0;
  for (const [i, send] of sends.entries()) {
    const next = sends[i + 1]?.t ?? Infinity;
    const key = keys.find((t) => t >= send.t - 1 && t < next);
    // The first frame after the input, even when it comes after the next key: slow frames count too.
    const render = key === undefined ? undefined : renders.find((t) => t >= key);
    if (render === undefined) {
      if (send.kind) missing++;
      continue;
    }
    if (send.kind) {
      (out[send.kind] ??= []).push(render - key);
      (fromWrite[send.kind] ??= []).push(render - send.t);
    }
  }
  return { byKind: out, fromWrite, missing };
}

const KEYS = { down: '\u001b[B', toggle: ' ', pageDown: '\u001b[6~' };
const FILTER_CHARS = 'aeiloprstu0123456789';

async function measureBig(url, run) {
  const events = join(tmp, `events-${run}.jsonl`);
  const s = new PtySession([process.execPath, bin, '--endpoint-url', url], {
    env: { ...awsEnv, IDC_TUI_BENCH_EVENTS: events, XDG_CONFIG_HOME: join(tmp, `config-home-${run}`) },
    rows: config.rows,
    cols: config.cols,
  });
  const { t0, pid } = await s.spawned;
  const progress = [];
  s.watch('loading… \\d+ clusters', (m) => progress.push(m));
  const result = { idle: { cpuPercent: NaN, rendersPerSecond: NaN }, memory: { hwmKiB: NaN, rssKiB: NaN } };
  try {
    const first = await s.waitFor('[○●] [a-z]+-[a-z]+-\\d+', { from: 'start', timeoutMs: 60_000 });
    const loaded = await s.waitFor(`(?<!… )\\b${config.bigClusters} clusters`, { from: 'start', timeoutMs: 120_000 });
    const ev = await readEvents(events);
    const pages = ev.filter((e) => e.event === 'page');
    result.firstRowsMs = first.t - t0;
    result.secondPageMs = (pages[1]?.t ?? NaN) - t0;
    result.lastPageMs = (pages.at(-1)?.t ?? NaN) - t0;
    result.fullLoadMs = loaded.t - t0;
    // CPU the app spent (user + system) until everything was loaded: steadier than wall time here.
    result.loadCpuMs = (cpuTicks(pid) * 1000) / clockTicksPerSecond();
    result.pages = pages.length;
    result.progressValuesShown = progress.length;
    result.firstRowsBeforeSecondPage = first.t < (pages[1]?.t ?? Infinity);
    await sleep(300);

    // Key presses, spaced so that each gets its own frame (Ink renders at most every 1000/maxFps ms).
    const sends = [];
    const press = async (text, kind) => {
      sends.push({ t: await s.send(text), kind });
      await sleep(config.keyGapMs);
    };
    for (let i = 0; i < config.keysPerKind; i++) await press(KEYS.down, 'move');
    for (let i = 0; i < config.keysPerKind; i++) await press(KEYS.toggle, 'toggle');
    for (let i = 0; i < config.keysPerKind; i++) await press(KEYS.pageDown, 'page');
    await press('/');
    for (let i = 0; i < config.keysPerKind; i++) {
      await press(FILTER_CHARS[i % FILTER_CHARS.length], 'filter');
      await press('\u007f');
    }
    await press('\u001b');
    await sleep(200);
    result.keys = keyLatencies(sends, await readEvents(events));
    result.memory = memoryStatus(pid);

    // The token screen, left alone.
    await press('\r');
    await s.waitFor('Remaining', { timeoutMs: 30_000 }).catch((err) => {
      throw new Error(`token screen: ${err.message}`);
    });
    await sleep(2000);
    const before = { ticks: cpuTicks(pid), t: performance.now() };
    const renderCount = (list) => list.filter((e) => e.event === 'render').length;
    const rendersBefore = renderCount(await readEvents(events));
    await sleep(config.idleSeconds * 1000);
    const after = { ticks: cpuTicks(pid), t: performance.now() };
    const rendersAfter = renderCount(await readEvents(events));
    const seconds = (after.t - before.t) / 1000;
    result.idle = {
      seconds,
      cpuPercent: (100 * (after.ticks - before.ticks)) / clockTicksPerSecond() / seconds,
      rendersPerSecond: (rendersAfter - rendersBefore) / seconds,
    };
    result.memory = memoryStatus(pid);
  } catch (err) {
    // One failed measure must not lose the others: report it and go on.
    result.error = err.message;
    log(`  run ${run + 1}: ${err.message}`);
  } finally {
    await s.kill();
  }
  return result;
}

function keyStats(runs, kind) {
  const all = runs.flatMap((r) => r.keys?.byKind[kind] ?? []);
  const fromWrite = runs.flatMap((r) => r.keys?.fromWrite[kind] ?? []);
  return { median: median(all), p95: percentile(all, 95), n: all.length, fromWriteMedian: median(fromWrite), fromWriteP95: percentile(fromWrite, 95) };
}

const started = new Date();
log(`idc-tui benchmark${quick ? ' (quick)' : ''}: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
const only = args.only; // 'launch' or 'big': one part alone, while working on it
log('1. launch to the cluster list …');
const launch = only === 'big' ? { samples: { node: [], app: [], first: [], cold: [], aws: [] }, cpu: { node: [], app: [], first: [], cold: [], aws: [] }, aws: false } : await measureLaunch();
log(`2–5. ${config.bigClusters} clusters: first rows, keys, idle token screen, memory …`);
const big = [];
if (only === 'big') {
  // As after the launch measures: the app's compiled code cached, so no run pays for making it.
  const small = await startEmulator(config.launchClusters);
  await timeToList(small.url, config.launchClusters, bin, { hold: codeCacheSaved }).finally(() => small.close());
}
const bigEmulator = await startEmulator(config.bigClusters);
try {
  for (let run = 0; run < (only === 'launch' ? 0 : config.bigRuns); run++) {
    big.push(await measureBig(bigEmulator.url, run));
    const r = big.at(-1);
    if (r.firstRowsMs === undefined) continue;
    log(
      `  run ${run + 1}: first rows ${r.firstRowsMs.toFixed(0)} ms, page 2 ${r.secondPageMs.toFixed(0)} ms, loaded ${r.fullLoadMs.toFixed(0)} ms, ` +
        `idle ${r.idle.cpuPercent.toFixed(2)} %, VmHWM ${(r.memory.hwmKiB / 1024).toFixed(0)} MiB`,
    );
  }
} finally {
  bigEmulator.close();
  await rm(tmp, { recursive: true, force: true });
}

const nodeMs = median(launch.samples.node);
const appMs = median(launch.samples.app);
const awsMs = launch.aws ? median(launch.samples.aws) : undefined;
const med = (f) => median(big.map(f));
const keys = Object.fromEntries(['move', 'toggle', 'page', 'filter'].map((k) => [k, keyStats(big, k)]));
const rows = [
  { measure: "node -e '' (baseline)", value: nodeMs, unit: 'ms' },
  { measure: 'launch to list, 50 clusters', value: appMs, unit: 'ms' },
  { measure: "  first start (the build's code cache)", value: median(launch.samples.first), unit: 'ms' },
  { measure: '  no code cache at all', value: median(launch.samples.cold), unit: 'ms' },
  ...(awsMs === undefined ? [] : [{ measure: 'aws redshift describe-clusters', value: awsMs, unit: 'ms' }]),
  ...(args.compare ? [{ measure: `launch to list, ${args.compare}`, value: median(launch.samples.compare), unit: 'ms' }] : []),
  { measure: "CPU time: node -e ''", value: median(launch.cpu.node), unit: 'ms' },
  { measure: 'CPU time: launch to list', value: median(launch.cpu.app), unit: 'ms' },
  ...(awsMs === undefined ? [] : [{ measure: 'CPU time: aws CLI', value: median(launch.cpu.aws), unit: 'ms' }]),
  ...(args.compare ? [{ measure: `CPU time: ${args.compare}`, value: median(launch.cpu.compare), unit: 'ms' }] : []),
  { measure: "launch ÷ node -e ''", value: appMs / nodeMs, unit: '×', target: '≤ 3', pass: appMs / nodeMs <= 3 },
  { measure: "  same, median of per-round ratios", value: median(launch.samples.app.map((a, i) => a / launch.samples.node[i])), unit: '×' },
  { measure: "  first start ÷ node -e ''", value: median(launch.samples.first) / nodeMs, unit: '×' },
  { measure: "  no code cache ÷ node -e ''", value: median(launch.samples.cold) / nodeMs, unit: '×' },
  ...(awsMs === undefined
    ? []
    : [
        { measure: 'launch ÷ aws CLI', value: appMs / awsMs, unit: '×', target: '≤ 0.5', pass: appMs / awsMs <= 0.5 },
        { measure: '  same, median of per-round ratios', value: median(launch.samples.app.map((a, i) => a / launch.samples.aws[i])), unit: '×' },
      ]),
  { measure: `first rows on screen, ${config.bigClusters} clusters`, value: med((r) => r.firstRowsMs), unit: 'ms' },
  { measure: 'second page received', value: med((r) => r.secondPageMs), unit: 'ms', target: 'after first rows', pass: big.every((r) => r.firstRowsBeforeSecondPage) },
  { measure: `all ${config.bigClusters} loaded (last page)`, value: med((r) => r.lastPageMs), unit: 'ms' },
  { measure: `"${config.bigClusters} clusters" on screen`, value: med((r) => r.fullLoadMs), unit: 'ms' },
  { measure: `CPU time: load ${config.bigClusters}`, value: med((r) => r.loadCpuMs), unit: 'ms' },
  { measure: 'progress counts shown while loading', value: med((r) => r.progressValuesShown), unit: '', target: '> 1', pass: big.every((r) => r.progressValuesShown > 1) },
  ...Object.entries(keys).flatMap(([kind, k]) => [
    { measure: `key → frame: ${kind} (median, n=${k.n})`, value: k.median, unit: 'ms', target: '≤ 16', pass: k.median <= 16 },
    { measure: `key → frame: ${kind} (p95)`, value: k.p95, unit: 'ms', target: '≤ 33', pass: k.p95 <= 33 },
  ]),
  { measure: `token screen idle ${config.idleSeconds} s: CPU`, value: med((r) => r.idle.cpuPercent), unit: '% core', target: '≤ 1', pass: med((r) => r.idle.cpuPercent) <= 1 },
  { measure: 'token screen idle: renders per second', value: med((r) => r.idle.rendersPerSecond), unit: '/s' },
  { measure: `peak RSS (VmHWM), ${config.bigClusters} loaded`, value: med((r) => r.memory.hwmKiB / 1024), unit: 'MiB', target: '≤ 120', pass: med((r) => r.memory.hwmKiB / 1024) <= 120 },
];
const missing = big.reduce((n, r) => n + (r.keys?.missing ?? 0), 0);
const errors = big.flatMap((r, i) => (r.error ? [`run ${i + 1}: ${r.error}`] : []));

const report = {
  keys,
  date: started.toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model, memoryMiB: Math.round(totalmem() / 2 ** 20), node: process.version, platform: process.platform },
  config,
  rows,
  errors,
  samples: { launch: launch.samples, launchCpu: launch.cpu, big },
};
process.stdout.write(`\n${formatTable(rows)}\n`);
for (const e of errors) process.stdout.write(`measure failed, ${e}\n`);
if (missing > 0) process.stdout.write(`(${missing} key presses arrived together with another and were left out)\n`);
await mkdir(join(jsonPath, '..'), { recursive: true });
await writeFile(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`\nwritten to ${jsonPath}\n`);
