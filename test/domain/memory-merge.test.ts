import { describe, expect, it } from 'vitest';
import { MAX_RECENT, mergeMemory, parseMemoryFile, type Remembered } from '../../src/domain/memory.js';

/** mergeMemory: what one instance writes over what another wrote since it read the file. */
const entry = (selection: string[], recent: string[] = []) => ({ selection, recent });

describe('mergeMemory', () => {
  const baseline: Remembered = { last: { profile: 'a', region: 'r1' }, targets: { 'a|r1': entry(['x-1']), 'b|r1': entry(['y-1']) } };

  it('keeps what the other instance wrote where this one changed nothing', () => {
    const disk: Remembered = { last: { profile: 'b', region: 'r1' }, targets: { 'a|r1': entry(['x-1']), 'b|r1': entry(['y-2']), 'c|r1': entry(['z-1']) } };
    expect(mergeMemory(disk, baseline, baseline)).toEqual(disk);
  });

  it('lays this instance’s changed targets and last over the file, keeping both lists of recent clusters', () => {
    const disk: Remembered = { last: { profile: 'b', region: 'r1' }, targets: { 'a|r1': entry(['x-1'], ['x-9']), 'b|r1': entry(['y-2']) } };
    const ours: Remembered = { last: { profile: 'a', region: 'r2' }, targets: { 'a|r1': entry(['x-2'], ['x-2']), 'b|r1': entry(['y-1']), 'a|r2': entry(['w-1']) } };
    expect(mergeMemory(disk, ours, baseline)).toEqual({
      last: { profile: 'a', region: 'r2' },
      targets: { 'a|r1': entry(['x-2'], ['x-2', 'x-9']), 'b|r1': entry(['y-2']), 'a|r2': entry(['w-1']) },
    });
  });

  it('drops a target this instance emptied unless the other keeps recent clusters for it; caps the recent list', () => {
    const many = Array.from({ length: MAX_RECENT }, (_, i) => `r-${i}`);
    const disk: Remembered = { targets: { 'a|r1': entry(['x-1']), 'b|r1': entry([], many) } };
    const ours: Remembered = { last: baseline.last, targets: { 'b|r1': entry(['y-1'], ['new-1']) } };
    const merged = mergeMemory(disk, ours, baseline);
    expect(merged.targets['a|r1']).toBeUndefined();
    expect(merged.targets['b|r1']).toEqual(entry(['y-1'], ['new-1', ...many.slice(0, MAX_RECENT - 1)]));
    expect(merged.last).toBeUndefined();
  });
});

describe('parseMemoryFile', () => {
  it.each(['', 'not json', 'null', '[]', '3', '"text"'])('is undefined for %j, which is not a JSON object', (text) => {
    expect(parseMemoryFile(text)).toBeUndefined();
  });

  it('reads an object defensively, as parseMemory does', () => {
    expect(parseMemoryFile('{"targets": 3}')).toEqual({ targets: {} });
  });
});
