import type { Key } from 'ink';

/** Where keys are read: the two screens, the filter text field and the help overlay. */
export type KeyScreen = 'list' | 'filter' | 'manual' | 'picker' | 'token' | 'copyMenu' | 'help';
/** `any` bindings work on every screen; in text fields (filter, help) only the non-printable ones do. */
export type BindingScreen = KeyScreen | 'any';

export type ActionName =
  | 'cursorUp'
  | 'cursorDown'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'toggle'
  | 'selectAll'
  | 'filter'
  | 'requestToken'
  | 'manualEntry'
  | 'pickProfile'
  | 'pickRegion'
  | 'reload'
  | 'sort'
  | 'detail'
  | 'autoRefresh'
  | 'pickerUp'
  | 'pickerDown'
  | 'pickerPageUp'
  | 'pickerPageDown'
  | 'pickerChoose'
  | 'pickerClose'
  | 'pickerBackspace'
  | 'listEscape'
  | 'filterKeep'
  | 'filterClear'
  | 'filterBackspace'
  | 'manualSubmit'
  | 'manualBack'
  | 'manualBackspace'
  | 'manualClear'
  | 'copy'
  | 'copyAs'
  | 'clearClipboard'
  | 'menuUp'
  | 'menuDown'
  | 'menuChoose'
  | 'menuPick'
  | 'menuPrevCluster'
  | 'menuNextCluster'
  | 'menuClose'
  | 'refresh'
  | 'reveal'
  | 'finish'
  | 'back'
  | 'help'
  | 'quit'
  | 'cancel'
  | 'suspend';

type NamedKey = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'backspace' | 'delete';

export type KeySpec = { readonly char: string; readonly ctrl?: boolean } | { readonly named: NamedKey };

export interface Binding {
  readonly action: ActionName;
  readonly screen: BindingScreen;
  readonly keys: readonly KeySpec[];
  /** The keys as the help shows them. */
  readonly label: string;
  readonly help: string;
  /** Short text for the footer; bindings without it appear only in the help. */
  readonly footer?: { readonly keys?: string; readonly text: string };
  /** Not built yet: matchAction ignores it, help and footer leave it out. */
  readonly planned?: true;
}

const char = (c: string): KeySpec => ({ char: c });
const ctrl = (c: string): KeySpec => ({ char: c, ctrl: true });
const named = (n: NamedKey): KeySpec => ({ named: n });

export const KEYMAP: readonly Binding[] = [
  { action: 'cursorUp', screen: 'list', keys: [named('upArrow'), char('k')], label: '↑ / k', help: 'move up', footer: { keys: '↑↓', text: 'move' } },
  { action: 'cursorDown', screen: 'list', keys: [named('downArrow'), char('j')], label: '↓ / j', help: 'move down' },
  { action: 'pageUp', screen: 'list', keys: [named('pageUp')], label: 'PgUp', help: 'page up' },
  { action: 'pageDown', screen: 'list', keys: [named('pageDown')], label: 'PgDn', help: 'page down' },
  { action: 'home', screen: 'list', keys: [named('home')], label: 'Home', help: 'first cluster' },
  { action: 'end', screen: 'list', keys: [named('end')], label: 'End', help: 'last cluster' },
  { action: 'toggle', screen: 'list', keys: [char(' ')], label: 'Space', help: 'select / unselect the highlighted row', footer: { text: 'select' } },
  { action: 'selectAll', screen: 'list', keys: [char('a')], label: 'a', help: 'select all matching, up to the limit', footer: { text: 'all' } },
  { action: 'filter', screen: 'list', keys: [char('/')], label: '/', help: 'filter by terms (all must match)', footer: { text: 'filter' } },
  { action: 'requestToken', screen: 'list', keys: [named('return')], label: 'Enter', help: 'get a token (selection or highlighted)', footer: { text: 'token' } },
  { action: 'listEscape', screen: 'list', keys: [named('escape')], label: 'Esc', help: 'cancel the request / clear the filter' },
  { action: 'manualEntry', screen: 'list', keys: [char('i')], label: 'i', help: 'type or paste cluster IDs by hand', footer: { text: 'IDs' } },
  { action: 'pickProfile', screen: 'list', keys: [char('P')], label: 'P', help: 'pick profile (~/.aws config and credentials)' },
  { action: 'pickRegion', screen: 'list', keys: [char('R')], label: 'R', help: 'pick region' },
  { action: 'sort', screen: 'list', keys: [char('s')], label: 's', help: 'cycle sort: recent, name, status' },
  { action: 'detail', screen: 'list', keys: [char('d')], label: 'd', help: 'show / hide the cluster details pane' },
  { action: 'reload', screen: 'list', keys: [ctrl('r')], label: 'Ctrl-R', help: 'reload the cluster list', footer: { text: 'reload' } },

  { action: 'filterKeep', screen: 'filter', keys: [named('return')], label: 'Enter', help: 'back to the list, filter kept', footer: { text: 'keep' } },
  { action: 'filterClear', screen: 'filter', keys: [named('escape')], label: 'Esc', help: 'clear the filter and leave it', footer: { text: 'clear' } },
  { action: 'filterBackspace', screen: 'filter', keys: [named('backspace'), named('delete')], label: 'Backspace', help: 'delete the last character', footer: { keys: '⌫', text: 'delete' } },

  { action: 'manualSubmit', screen: 'manual', keys: [named('return')], label: 'Enter', help: 'get a token for the IDs typed', footer: { text: 'token' } },
  { action: 'manualBack', screen: 'manual', keys: [named('escape')], label: 'Esc', help: 'cancel the request / back to the list', footer: { text: 'back' } },
  { action: 'manualBackspace', screen: 'manual', keys: [named('backspace'), named('delete')], label: 'Backspace', help: 'delete the last character', footer: { keys: '⌫', text: 'delete' } },
  { action: 'manualClear', screen: 'manual', keys: [ctrl('u')], label: 'Ctrl-U', help: 'clear the field' },
  { action: 'reload', screen: 'manual', keys: [ctrl('r')], label: 'Ctrl-R', help: 'retry listing the clusters', footer: { text: 'retry list' } },

  { action: 'pickerUp', screen: 'picker', keys: [named('upArrow')], label: '↑', help: 'previous entry', footer: { keys: '↑↓', text: 'move' } },
  { action: 'pickerDown', screen: 'picker', keys: [named('downArrow')], label: '↓', help: 'next entry' },
  { action: 'pickerPageUp', screen: 'picker', keys: [named('pageUp')], label: 'PgUp', help: 'page up' },
  { action: 'pickerPageDown', screen: 'picker', keys: [named('pageDown')], label: 'PgDn', help: 'page down' },
  { action: 'pickerChoose', screen: 'picker', keys: [named('return')], label: 'Enter', help: 'switch to the highlighted entry', footer: { text: 'switch' } },
  { action: 'pickerClose', screen: 'picker', keys: [named('escape')], label: 'Esc', help: 'close without switching', footer: { text: 'close' } },
  { action: 'pickerBackspace', screen: 'picker', keys: [named('backspace'), named('delete')], label: 'Backspace', help: 'delete the last filter character (type to filter)', footer: { keys: '⌫', text: 'delete' } },

  { action: 'copy', screen: 'token', keys: [char('c')], label: 'c', help: 'copy the token', footer: { text: 'copy' } },
  { action: 'copyAs', screen: 'token', keys: [char('C')], label: 'C', help: 'copy as… (token, JDBC URL, Python, JSON)', footer: { text: 'copy as' } },
  { action: 'clearClipboard', screen: 'token', keys: [char('x')], label: 'x', help: 'clear the clipboard now (OSC 52: sends an empty one)' },
  { action: 'refresh', screen: 'token', keys: [char('r')], label: 'r', help: 'get a fresh token, same clusters', footer: { text: 'refresh' } },
  { action: 'reveal', screen: 'token', keys: [char('v')], label: 'v', help: 'reveal / hide the full token', footer: { text: 'reveal' } },
  { action: 'autoRefresh', screen: 'token', keys: [char('a')], label: 'a', help: 'auto-refresh on / off (new token before expiry)', footer: { text: 'auto' } },
  { action: 'finish', screen: 'token', keys: [named('return')], label: 'Enter', help: 'done: exit with this token', footer: { text: 'done' } },
  { action: 'back', screen: 'token', keys: [named('escape')], label: 'Esc', help: 'back to the list, selection kept', footer: { text: 'back' } },

  { action: 'menuUp', screen: 'copyMenu', keys: [named('upArrow'), char('k')], label: '↑ / k', help: 'previous format', footer: { keys: '↑↓', text: 'choose' } },
  { action: 'menuDown', screen: 'copyMenu', keys: [named('downArrow'), char('j')], label: '↓ / j', help: 'next format' },
  { action: 'menuChoose', screen: 'copyMenu', keys: ['1', '2', '3', '4'].map(char), label: '1–4', help: 'copy that format at once' },
  { action: 'menuPick', screen: 'copyMenu', keys: [named('return')], label: 'Enter', help: 'copy the highlighted format', footer: { text: 'copy' } },
  { action: 'menuPrevCluster', screen: 'copyMenu', keys: [named('leftArrow')], label: '←', help: 'previous cluster (JDBC URL, Python)' },
  { action: 'menuNextCluster', screen: 'copyMenu', keys: [named('rightArrow')], label: '→', help: 'next cluster (JDBC URL, Python)', footer: { keys: '←→', text: 'cluster' } },
  { action: 'menuClose', screen: 'copyMenu', keys: [named('escape')], label: 'Esc', help: 'close the menu', footer: { text: 'close' } },

  { action: 'help', screen: 'any', keys: [char('?')], label: '?', help: 'this help (any key closes it)', footer: { text: 'help' } },
  { action: 'quit', screen: 'any', keys: [char('q')], label: 'q', help: 'quit', footer: { text: 'quit' } },
  { action: 'cancel', screen: 'any', keys: [ctrl('c')], label: 'Ctrl-C', help: 'quit without doing anything more' },
  { action: 'suspend', screen: 'any', keys: [ctrl('z')], label: 'Ctrl-Z', help: 'suspend to the shell (fg comes back)' },
];

const TEXT_SCREENS: ReadonlySet<KeyScreen> = new Set(['filter', 'manual', 'picker', 'help']);

function isPrintable(spec: KeySpec): boolean {
  return 'char' in spec && spec.ctrl !== true;
}

function specMatches(spec: KeySpec, input: string, key: Key): boolean {
  if ('named' in spec) return key[spec.named];
  return input === spec.char && key.ctrl === (spec.ctrl ?? false) && !key.meta;
}

function appliesTo(binding: Binding, screen: KeyScreen): boolean {
  return !binding.planned && (binding.screen === screen || binding.screen === 'any');
}

function usableKeys(binding: Binding, screen: KeyScreen): readonly KeySpec[] {
  if (binding.screen === 'any' && TEXT_SCREENS.has(screen)) return binding.keys.filter((spec) => !isPrintable(spec));
  return binding.keys;
}

export function activeBindings(screen: KeyScreen): Binding[] {
  const own = KEYMAP.filter((b) => b.screen === screen && appliesTo(b, screen));
  const shared = KEYMAP.filter((b) => b.screen === 'any' && appliesTo(b, screen) && usableKeys(b, screen).length > 0);
  return [...own, ...shared];
}

/** The action a key press means on a screen, if any. Every input handler goes through this. */
export function matchAction(screen: KeyScreen, input: string, key: Key): ActionName | undefined {
  for (const binding of activeBindings(screen)) {
    if (usableKeys(binding, screen).some((spec) => specMatches(spec, input, key))) return binding.action;
  }
  return undefined;
}

export interface FooterEntry {
  keys: string;
  text: string;
}

export function footerEntries(screen: KeyScreen): FooterEntry[] {
  return activeBindings(screen).flatMap((b) => (b.footer ? [{ keys: b.footer.keys ?? b.label, text: b.footer.text }] : []));
}

export interface HelpSection {
  title: string;
  bindings: Binding[];
}

const SECTION_TITLES: Record<BindingScreen, string> = {
  list: 'Cluster list',
  filter: 'Filter (after /)',
  manual: 'Cluster IDs by hand (after i)',
  picker: 'Profile / region picker (after P, R)',
  token: 'Token',
  copyMenu: 'Copy as… (after C)',
  help: 'Help',
  any: 'Everywhere',
};

/** Every implemented binding, grouped by screen, in keymap order. */
export function helpSections(): HelpSection[] {
  const screens: BindingScreen[] = ['list', 'filter', 'manual', 'picker', 'token', 'copyMenu', 'any'];
  return screens
    .map((screen) => ({ title: SECTION_TITLES[screen], bindings: KEYMAP.filter((b) => b.screen === screen && !b.planned) }))
    .filter((section) => section.bindings.length > 0);
}
