import { describe, expect, it } from 'vitest';
import { initialSelection, limitMessage, selectAll, SELECTION_LIMIT, toggleSelection } from '../../src/domain/selection.js';

const ids = (n: number, prefix = 'c'): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

describe('toggleSelection', () => {
  it.each([
    { name: 'adds to an empty selection', before: [], id: 'a', after: ['a'], refused: 0 },
    { name: 'adds at the end, keeping order', before: ['b', 'a'], id: 'c', after: ['b', 'a', 'c'], refused: 0 },
    { name: 'removes a selected ID', before: ['a', 'b', 'c'], id: 'b', after: ['a', 'c'], refused: 0 },
    { name: 'adds the 20th', before: ids(19), id: 'x', after: [...ids(19), 'x'], refused: 0 },
    { name: 'refuses the 21st', before: ids(20), id: 'x', after: ids(20), refused: 1 },
    { name: 'removes at the limit', before: ids(20), id: 'c-7', after: ids(20).filter((i) => i !== 'c-7'), refused: 0 },
  ])('$name', ({ before, id, after, refused }) => {
    const change = toggleSelection(before, id);
    expect(change.selection).toEqual(after);
    expect(change.refused).toBe(refused);
  });

  it('honours a smaller limit', () => {
    expect(toggleSelection(['a', 'b'], 'c', 2).refused).toBe(1);
  });
});

describe('selectAll', () => {
  it.each([
    { name: 'selects all when they fit', before: [], wanted: ids(5), added: 5, refused: 0, size: 5 },
    { name: 'skips those already selected', before: ['c-2'], wanted: ids(3), added: 2, refused: 0, size: 3 },
    { name: 'stops at the limit', before: [], wanted: ids(25), added: 20, refused: 5, size: 20 },
    { name: 'fills up to the limit', before: ids(18, 'x'), wanted: ids(5), added: 2, refused: 3, size: 20 },
    { name: 'adds nothing when full', before: ids(20, 'x'), wanted: ids(2), added: 0, refused: 2, size: 20 },
    { name: 'nothing to add', before: ['c-1'], wanted: ['c-1'], added: 0, refused: 0, size: 1 },
  ])('$name', ({ before, wanted, added, refused, size }) => {
    const change = selectAll(before, wanted);
    expect(change.added).toBe(added);
    expect(change.refused).toBe(refused);
    expect(change.selection).toHaveLength(size);
    expect(new Set(change.selection).size).toBe(size);
  });

  it('keeps the earlier selection first and adds in list order', () => {
    expect(selectAll(['z'], ['b', 'a', 'z', 'c']).selection).toEqual(['z', 'b', 'a', 'c']);
  });

  it('returns the same selection when nothing changes', () => {
    const before = ['a'];
    expect(selectAll(before, ['a']).selection).toBe(before);
  });
});

describe('initialSelection', () => {
  it.each([
    { given: ['a', 'b'], selection: ['a', 'b'], refused: 0 },
    { given: ['a', 'a', 'b'], selection: ['a', 'b'], refused: 0 },
    { given: ids(23), selection: ids(20), refused: 3 },
  ])('$given.length IDs → $selection.length selected, $refused left out', ({ given, selection, refused }) => {
    const change = initialSelection(given);
    expect(change.selection).toEqual(selection);
    expect(change.refused).toBe(refused);
  });
});

describe('limitMessage', () => {
  it('says the limit is 20', () => {
    expect(SELECTION_LIMIT).toBe(20);
    expect(limitMessage()).toContain('the limit is 20');
  });
});
