/** A program that copies to or pastes from the system clipboard, as clipboardy 5 picks them. */
export interface HelperCommand {
  file: string;
  args: readonly string[];
  /** Added to the helper's (minimal) environment. */
  env?: Readonly<Record<string, string>>;
  /** Stays behind serving the clipboard (wl-copy forks): none of its output is waited for. */
  lingers?: boolean;
  /** stderr that means an empty clipboard rather than a failure (wl-paste). */
  empty?: RegExp;
}

/** For each operation, the helpers to try in order. */
export interface ClipboardHelpers {
  copy: readonly HelperCommand[];
  paste: readonly HelperCommand[];
}

/** Helper programs that ship inside the clipboardy package, for machines without their own. */
export interface BundledHelpers {
  xsel?: string;
  windowsExe?: string;
}

const PS_COPY = [
  '[Console]::InputEncoding = [System.Text.Encoding]::UTF8',
  '$stream = New-Object System.IO.MemoryStream',
  '[Console]::OpenStandardInput().CopyTo($stream)',
  'Set-Clipboard -Value ([Console]::InputEncoding.GetString($stream.ToArray()))',
].join('; ');
const PS_PASTE = [
  '$text = Get-Clipboard -Raw -ErrorAction Stop',
  "if ($text -eq $null) { $text = '' }",
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8',
  '[Console]::Out.Write($text)',
].join('; ');

function powershell(file: string, script: string): HelperCommand {
  const encoded = Buffer.from(script, 'utf16le').toString('base64');
  return { file, args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', encoded] };
}

function x11(bundled: BundledHelpers): ClipboardHelpers {
  const xsel = ['xsel', ...(bundled.xsel ? [bundled.xsel] : [])];
  return {
    copy: xsel.map((file) => ({ file, args: ['--clipboard', '--input'] })),
    paste: xsel.map((file) => ({ file, args: ['--clipboard', '--output'] })),
  };
}

export function isWaylandSession(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env['WAYLAND_DISPLAY']) || env['XDG_SESSION_TYPE'] === 'wayland';
}

export function isWslSession(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env['WSL_DISTRO_NAME'] || env['WSL_INTEROP']);
}

/** Which programs copy and paste here: pure, from the platform and the environment. */
export function clipboardHelpers(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, bundled: BundledHelpers = {}): ClipboardHelpers {
  const windowsExe = bundled.windowsExe;
  switch (platform) {
    case 'darwin': {
      const utf8 = { LC_CTYPE: 'UTF-8' };
      return { copy: [{ file: 'pbcopy', args: [], env: utf8 }], paste: [{ file: 'pbpaste', args: [], env: utf8 }] };
    }
    case 'win32': {
      const ps = `${env['SYSTEMROOT'] ?? env['windir'] ?? 'C:\\Windows'}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`;
      return {
        copy: [powershell(ps, PS_COPY), ...(windowsExe ? [{ file: windowsExe, args: ['--copy'] }] : [])],
        paste: [powershell(ps, PS_PASTE), ...(windowsExe ? [{ file: windowsExe, args: ['--paste'] }] : [])],
      };
    }
    case 'android':
      return { copy: [{ file: 'termux-clipboard-set', args: [] }], paste: [{ file: 'termux-clipboard-get', args: [] }] };
    default: {
      if (isWslSession(env)) {
        return {
          copy: [{ file: 'clip.exe', args: [] }],
          paste: [powershell('powershell.exe', PS_PASTE), ...(windowsExe ? [{ file: windowsExe, args: ['--paste'] }] : [])],
        };
      }
      const x = x11(bundled);
      if (!isWaylandSession(env)) return x;
      const text = ['--type', 'text/plain'];
      return {
        copy: [{ file: 'wl-copy', args: text, lingers: true }, ...x.copy],
        paste: [{ file: 'wl-paste', args: [...text, '--no-newline'], empty: /nothing is copied|no selection|selection owner/iu }, ...x.paste],
      };
    }
  }
}
