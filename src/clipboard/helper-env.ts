/**
 * What a clipboard helper (xsel, wl-copy, pbcopy, PowerShell, clip.exe, tmux…) and the detached
 * clearer see of idc-tui's environment: what they need to find their programs, the display, the
 * tmux server and the locale, and nothing else. No AWS_* variable and no other secret reaches them.
 */
const KEPT = new Set([
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'LANG',
  'LANGUAGE',
  'TZ',
  'TMPDIR',
  // X11 and Wayland
  'DISPLAY',
  'XAUTHORITY',
  'WAYLAND_DISPLAY',
  'XDG_RUNTIME_DIR',
  'XDG_SESSION_TYPE',
  'XDG_CACHE_HOME',
  // tmux finds its server through these
  'TMUX',
  'TMUX_TMPDIR',
  // WSL interop (clip.exe, powershell.exe) and Windows itself
  'WSL_DISTRO_NAME',
  'WSL_INTEROP',
  'SYSTEMROOT',
  'WINDIR',
  'COMSPEC',
  'PATHEXT',
  'TEMP',
  'TMP',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  // Termux
  'PREFIX',
  'TERMUX_VERSION',
  'ANDROID_DATA',
  'ANDROID_ROOT',
]);

/** Names compare upper-cased: Windows spells them as it likes (Path, SystemRoot). */
export function helperEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const upper = name.toUpperCase();
    if (KEPT.has(upper) || upper.startsWith('LC_')) kept[name] = value;
  }
  return kept;
}
