import { validateClusterId, MAX_CLUSTER_IDS } from './cluster-ids.js';

/**
 * What idc-tui remembers between launches: the last profile and region, and per profile+region
 * the selection and the recently used clusters. Cluster IDs only: never tokens or credentials.
 */
export interface RememberedTarget {
  profile: string;
  region?: string;
}

export interface RememberedClusters {
  /** The selection when last seen. */
  selection: string[];
  /** Clusters a token was received for, most recent first. */
  recent: string[];
}

export interface Remembered {
  last?: RememberedTarget;
  targets: Record<string, RememberedClusters>;
}

export const MEMORY_VERSION = 1;
export const MAX_RECENT = 50;
const MAX_TARGETS = 100;

export const emptyMemory = (): Remembered => ({ targets: {} });

/** The key selections are kept under: `${profile}|${region}`. */
export function targetKey(target: { profile: string; region?: string }): string {
  return `${target.profile}|${target.region ?? ''}`;
}

function ids(value: unknown, max: number): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    if (typeof v !== 'string' || validateClusterId(v) !== null || out.includes(v)) continue;
    out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 256 && !/[\r\n\u0000]/u.test(v);

/** Reads the file's JSON defensively: anything unexpected is dropped, only valid cluster IDs survive. */
export function parseMemory(text: string): Remembered {
  return parseMemoryFile(text) ?? emptyMemory();
}

/** As parseMemory, but undefined for a text that is not a JSON object at all (a damaged file, to be kept aside). */
export function parseMemoryFile(text: string): Remembered | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const raw = data as { last?: unknown; targets?: unknown };
  const memory = emptyMemory();
  const last = raw.last as { profile?: unknown; region?: unknown } | undefined;
  if (last && isName(last.profile)) {
    memory.last = isName(last.region) ? { profile: last.profile, region: last.region } : { profile: last.profile };
  }
  if (typeof raw.targets === 'object' && raw.targets !== null) {
    for (const [key, value] of Object.entries(raw.targets).slice(0, MAX_TARGETS)) {
      if (!isName(key) || typeof value !== 'object' || value === null) continue;
      const v = value as { selection?: unknown; recent?: unknown };
      const entry = { selection: ids(v.selection, MAX_CLUSTER_IDS), recent: ids(v.recent, MAX_RECENT) };
      if (entry.selection.length > 0 || entry.recent.length > 0) memory.targets[key] = entry;
    }
  }
  return memory;
}

/** The file's text: stable key order, IDs only. */
export function serializeMemory(memory: Remembered): string {
  const targets: Record<string, RememberedClusters> = {};
  for (const key of Object.keys(memory.targets).sort()) {
    const entry = memory.targets[key] as RememberedClusters;
    if (entry.selection.length === 0 && entry.recent.length === 0) continue;
    targets[key] = { selection: [...entry.selection], recent: entry.recent.slice(0, MAX_RECENT) };
  }
  return `${JSON.stringify({ version: MEMORY_VERSION, ...(memory.last ? { last: memory.last } : {}), targets }, null, 2)}\n`;
}

const sameIds = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((id, i) => id === b[i]);
const sameClusters = (a: RememberedClusters | undefined, b: RememberedClusters | undefined) => sameIds(a?.selection, b?.selection) && sameIds(a?.recent, b?.recent);
const sameTarget = (a: RememberedTarget | undefined, b: RememberedTarget | undefined) => a?.profile === b?.profile && a?.region === b?.region;

/**
 * What to write when another idc-tui may have written the file since this one read it: the file
 * as it is now (`disk`), with what this process changed since `baseline` (what it last read or
 * wrote) laid over it. A profile+region this process changed gets its selection; the recently
 * used clusters of both are kept, this process's first. Everything else stays as the other wrote it.
 */
export function mergeMemory(disk: Remembered, ours: Remembered, baseline: Remembered): Remembered {
  const merged: Remembered = { ...(disk.last ? { last: disk.last } : {}), targets: { ...disk.targets } };
  if (!sameTarget(ours.last, baseline.last)) {
    if (ours.last) merged.last = ours.last;
    else delete merged.last;
  }
  for (const key of new Set([...Object.keys(ours.targets), ...Object.keys(baseline.targets)])) {
    const mine = ours.targets[key];
    if (sameClusters(mine, baseline.targets[key])) continue;
    const recent = [...new Set([...(mine?.recent ?? []), ...(disk.targets[key]?.recent ?? [])])].slice(0, MAX_RECENT);
    const selection = [...(mine?.selection ?? [])];
    if (selection.length === 0 && recent.length === 0) delete merged.targets[key];
    else merged.targets[key] = { selection, recent };
  }
  return merged;
}
