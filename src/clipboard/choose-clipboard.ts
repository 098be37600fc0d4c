import { AppError } from '../domain/errors.js';
import type { ClearResult, Clipboard, CopyMethod, CopyResult } from './clipboard.js';
import { controllingTerminal, osc52Clipboard, type TerminalWrite } from './osc52.js';
import { firstLine, systemClipboard } from './system-clipboard.js';
import { tmuxRunner, type TmuxRunner } from './tmux.js';

import type { ClipboardMode } from './modes.js';

export { CLIPBOARD_MODES, type ClipboardMode } from './modes.js';

export interface ClipboardEnvironment {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
}

/** What `auto` tries first, and why: pure, from the environment only. */
export interface AutoPlan {
  first: 'system' | 'osc52';
  why: string;
  /** Inside tmux: OSC 52 takes the form tmux accepts. */
  tmux: boolean;
}

function isWsl({ env, platform }: ClipboardEnvironment): boolean {
  return platform === 'linux' && Boolean(env['WSL_DISTRO_NAME'] || env['WSL_INTEROP']);
}

export function autoPlan(environment: ClipboardEnvironment): AutoPlan {
  const { env, platform } = environment;
  const tmux = Boolean(env['TMUX']);
  if (env['SSH_TTY'] || env['SSH_CONNECTION'] || env['SSH_CLIENT']) {
    return { first: 'osc52', why: 'over SSH the clipboard to fill is on your machine', tmux };
  }
  const needsDisplay = platform !== 'darwin' && platform !== 'win32' && platform !== 'android' && !isWsl(environment);
  if (needsDisplay && !env['DISPLAY'] && !env['WAYLAND_DISPLAY']) {
    return { first: 'osc52', why: 'no DISPLAY or WAYLAND_DISPLAY', tmux };
  }
  return { first: 'system', why: 'desktop session', tmux };
}

/** One line for the ? help: the mode and what it means here. */
export function describeClipboard(mode: ClipboardMode, environment: ClipboardEnvironment): string {
  const plan = autoPlan(environment);
  const osc = plan.tmux ? 'OSC 52 through tmux' : 'OSC 52 to the terminal';
  switch (mode) {
    case 'off':
      return 'off (--clipboard off): c and C only say so; v reveals the token';
    case 'system':
      return 'system (pbcopy, PowerShell, wl-copy, xsel…)';
    case 'osc52':
      return `${osc} (--clipboard osc52; the terminal cannot confirm it)`;
    case 'auto':
      return plan.first === 'system'
        ? `auto: system clipboard (${plan.why}), ${osc} if that fails`
        : `auto: ${osc} (${plan.why})`;
  }
}

/** The whole clipboard setting in one line for the ? help. */
export function clipboardSummary(
  mode: ClipboardMode,
  clearAfterSeconds: number,
  recopy: boolean,
  environment: ClipboardEnvironment = { env: process.env, platform: process.platform },
): string {
  const clear = clearAfterSeconds > 0 ? `cleared after ${clearAfterSeconds} s if unchanged, and on exit` : 'never cleared (--clipboard-clear-after 0)';
  return `${describeClipboard(mode, environment)}; ${clear}${recopy ? '; --recopy on' : ''}`;
}

export interface ClipboardDeps {
  environment?: ClipboardEnvironment;
  system?: Clipboard;
  writeTerminal?: TerminalWrite;
  tmux?: TmuxRunner;
}

const offError = () =>
  new AppError('other', 'Copying is off (--clipboard off).', { hint: 'Press v to reveal the token and copy it by hand.' });

/** Routes clears and checks to the way the copy went. */
function routed(system: Clipboard | undefined, osc: Clipboard | undefined, copy: (text: string) => Promise<CopyResult>): Clipboard {
  const pick = (method: CopyMethod) => (method === 'system' ? system : osc);
  return {
    copy,
    async clearIfUnchanged(hash, method): Promise<ClearResult> {
      const target = pick(method);
      return target?.clearIfUnchanged ? target.clearIfUnchanged(hash, method) : { kind: 'unverifiable' };
    },
    async holds(hash, method) {
      return pick(method)?.holds?.(hash, method);
    },
    async forceClear(method) {
      await pick(method)?.forceClear?.(method);
    },
  };
}

/** The clipboard for --clipboard MODE in this environment. */
export function chooseClipboard(mode: ClipboardMode, deps: ClipboardDeps = {}): Clipboard {
  const environment = deps.environment ?? { env: process.env, platform: process.platform };
  const plan = autoPlan(environment);
  const system = deps.system ?? systemClipboard();
  const osc = osc52Clipboard({
    write: deps.writeTerminal ?? controllingTerminal(process.stdout),
    tmux: plan.tmux ? (deps.tmux ?? tmuxRunner()) : undefined,
  });
  switch (mode) {
    case 'off':
      return { off: true, copy: () => Promise.reject(offError()) };
    case 'system':
      return routed(system, undefined, (text) => system.copy(text));
    case 'osc52':
      return routed(undefined, osc, (text) => osc.copy(text));
    case 'auto':
      if (plan.first === 'osc52') return routed(system, osc, (text) => osc.copy(text));
      return routed(system, osc, async (text) => {
        try {
          return await system.copy(text);
        } catch (systemError) {
          const reason = firstLine(systemError instanceof AppError && systemError.cause ? systemError.cause : systemError);
          try {
            const result = await osc.copy(text);
            const how = result.detail ? `${result.detail}; ` : '';
            return { ...result, detail: `${how}system clipboard failed: ${reason}` };
          } catch {
            throw systemError;
          }
        }
      });
  }
}
