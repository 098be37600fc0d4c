export const SIMPLE_FAULT_KINDS = [
  'throttle',
  '500',
  '503',
  'reset',
  'malformed',
  'unsupported',
  'expired-creds',
  'denied',
  'past-expiry',
] as const;

export type SimpleFaultKind = (typeof SIMPLE_FAULT_KINDS)[number];
export type FaultKind = SimpleFaultKind | 'slow' | 'skew';

/** `count` = how many requests get the fault before it stops; undefined = every request. */
export type FaultSpec =
  | { kind: SimpleFaultKind; count?: number }
  | { kind: 'slow'; ms: number; count?: number }
  | { kind: 'skew'; seconds: number; count?: number };

const USAGE = 'expected KIND[:COUNT], slow:MS[:COUNT] or skew:SECONDS[:COUNT]';

function integer(text: string | undefined, what: string, raw: string, min: number): number {
  if (text === undefined || !/^-?[0-9]+$/.test(text)) {
    throw new Error(`invalid fault "${raw}": ${what} must be an integer (${USAGE})`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new Error(`invalid fault "${raw}": ${what} must be at least ${min}`);
  }
  return value;
}

function optionalCount(text: string | undefined, raw: string): { count?: number } {
  return text === undefined ? {} : { count: integer(text, 'COUNT', raw, 1) };
}

function isSimpleKind(kind: string): kind is SimpleFaultKind {
  return (SIMPLE_FAULT_KINDS as readonly string[]).includes(kind);
}

export function parseFault(text: string): FaultSpec {
  const raw = text.trim();
  const [kind = '', first, second, ...rest] = raw.split(':');
  if (rest.length > 0) throw new Error(`invalid fault "${raw}": too many parts (${USAGE})`);
  if (kind === 'slow') {
    return { kind, ms: integer(first, 'MS', raw, 0), ...optionalCount(second, raw) };
  }
  if (kind === 'skew') {
    return { kind, seconds: integer(first, 'SECONDS', raw, Number.MIN_SAFE_INTEGER), ...optionalCount(second, raw) };
  }
  if (isSimpleKind(kind)) {
    if (second !== undefined) throw new Error(`invalid fault "${raw}": too many parts (${USAGE})`);
    return { kind, ...optionalCount(first, raw) };
  }
  const known = [...SIMPLE_FAULT_KINDS, 'slow', 'skew'].join(', ');
  throw new Error(`unknown fault kind "${kind}" in "${raw}" (known: ${known})`);
}

export function formatFault(spec: FaultSpec): string {
  const param = spec.kind === 'slow' ? `:${spec.ms}` : spec.kind === 'skew' ? `:${spec.seconds}` : '';
  return `${spec.kind}${param}${spec.count === undefined ? '' : `:${spec.count}`}`;
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** The faults in force, each used up as requests receive it. */
export class FaultBook {
  private active: ActiveFault[] = [];

  constructor(specs: readonly FaultSpec[] = []) {
    this.set(specs);
  }

  set(specs: readonly FaultSpec[]): void {
    this.active = specs.map((spec) => ({ spec: { ...spec }, remaining: spec.count ?? Infinity }));
  }

  /** The first fault in force among `kinds`, counted as received. */
  take(kinds: readonly FaultKind[]): FaultSpec | undefined {
    const found = this.active.find((f) => f.remaining > 0 && kinds.includes(f.spec.kind));
    if (!found) return undefined;
    found.remaining -= 1;
    return found.spec;
  }
}
