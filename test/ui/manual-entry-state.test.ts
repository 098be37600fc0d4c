import { describe, expect, it } from 'vitest';
import { checkManualText, closedManualEntry, manualEntryReducer, submitManualText } from '../../src/ui/state/manual-entry-state.js';

describe('checkManualText: live check as the user types', () => {
  it.each([
    ['', [], null],
    ['a', ['a'], null],
    ['abc-', ['abc-'], null],
    ['abc- ', ['abc-'], 'Cluster ID "abc-" must not end with a hyphen.'],
    ['abc--', ['abc--'], 'Cluster ID "abc--" must not end with a hyphen.'],
    ['a--b', ['a--b'], 'Cluster ID "a--b" must not contain two consecutive hyphens.'],
    ['1a', ['1a'], 'Cluster ID "1a" must start with a letter.'],
    ['ok, b_c', ['ok', 'b_c'], 'Cluster ID "b_c" contains "_"; only ASCII letters, digits and hyphens are allowed.'],
    [`${'a'.repeat(64)}`, ['a'.repeat(64)], `Cluster ID "${'a'.repeat(64)}" is 64 characters long; the limit is 63.`],
    ['a,b;c\nd', ['a', 'b', 'c', 'd'], null],
    ['a A', ['a', 'A'], 'Cluster IDs "a" and "A" are the same cluster; cluster IDs are not case-sensitive.'],
    ['x x', ['x', 'x'], 'Cluster ID "x" is given more than once.'],
  ])('%j', (text, ids, problem) => {
    expect(checkManualText(text)).toEqual({ ids, problem });
  });

  it('21 IDs', () => {
    const text = Array.from({ length: 21 }, (_, i) => `c${i}`).join(' ');
    expect(checkManualText(text).problem).toBe('21 cluster IDs; one token can cover at most 20.');
    expect(submitManualText(text).problem).toContain('21 cluster IDs given; one token can cover at most 20.');
  });

  it('Enter checks the unfinished ID too, and an empty field', () => {
    expect(submitManualText('abc-').problem).toContain('must not end with a hyphen');
    expect(submitManualText('  ').problem).toContain('No cluster IDs given');
    expect(submitManualText('a, b').problem).toBeNull();
  });
});

describe('manualEntryReducer', () => {
  it('types pasted text with line breaks as spaces, deletes, clears, keeps the text when closed', () => {
    let s = manualEntryReducer(closedManualEntry, { type: 'open', text: 'a ' });
    s = manualEntryReducer(s, { type: 'type', text: 'b\r\nc\td\u0007' });
    expect(s).toEqual({ open: true, text: 'a b c d' });
    s = manualEntryReducer(s, { type: 'backspace' });
    expect(s.text).toBe('a b c ');
    s = manualEntryReducer(s, { type: 'close' });
    expect(s).toEqual({ open: false, text: 'a b c ' });
    s = manualEntryReducer(s, { type: 'open' });
    expect(s).toEqual({ open: true, text: 'a b c ' });
    s = manualEntryReducer(s, { type: 'clear' });
    expect(s.text).toBe('');
    expect(manualEntryReducer(s, { type: 'backspace' })).toBe(s);
  });
});
