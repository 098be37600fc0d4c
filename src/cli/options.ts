import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { AppError } from '../domain/errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../domain/output/index.js';
import { checkQuery } from '../domain/output/query.js';
import { CLIPBOARD_MODES, DEFAULT_CLEAR_AFTER_SECONDS, type ClipboardMode } from '../clipboard/modes.js';
import { COLOR_MODES, resolveColor, type ColorMode } from './color.js';
import { VERSION } from './version.js';
import { lastOccurrenceOnly } from './repeated-options.js';
import { listArgument } from '../domain/list-argument.js';
import { DEFAULT_AUTO_REFRESH_MINUTES } from '../domain/auto-refresh.js';

export type SkeletonKind = 'input' | 'output';

export interface CliOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  /** --cluster-ids: the IDs for a scripted call, or the TUI's initial selection. [] when the flag had no value. */
  clusterIds?: string[];
  demo: boolean;
  debug: boolean;
  /** --cli-input-json as given: a JSON string or file://path (read and checked by the scripted mode). */
  cliInputJson?: string;
  /** --generate-cli-skeleton [input|output]. */
  generateCliSkeleton?: SkeletonKind;
  /** --output, only when given on the command line (env and config are read by the scripted mode). */
  output?: OutputFormat;
  /** --query, syntax already checked. */
  query?: string;
  /** false with --no-verify-ssl. */
  verifySsl: boolean;
  /** false with --no-paginate; accepted for parity, this operation has no pages. */
  paginate: boolean;
  /** false with --no-cli-pager; accepted for AWS CLI v2 parity: idc-tui never pages its output. */
  cliPager?: boolean;
  /** --cli-binary-format; accepted for AWS CLI v2 parity: this operation has no binary parameters. */
  cliBinaryFormat?: string;
  /** --cli-auto-prompt / --no-cli-auto-prompt; accepted for AWS CLI v2 parity: without cluster IDs the TUI is the prompt. */
  cliAutoPrompt?: boolean;
  /** false with --no-sign-request. */
  signRequest: boolean;
  caBundle?: string;
  /** --cli-connect-timeout in seconds; 0 = none. undefined = the default (60). */
  connectTimeoutSeconds?: number;
  /** --cli-read-timeout in seconds; 0 = none. undefined = the default (60). */
  readTimeoutSeconds?: number;
  /** --color as given (auto when absent). */
  colorMode: ColorMode;
  /** Whether stdout output (the table) is coloured: --color, then FORCE_COLOR / NO_COLOR, then whether stdout is a terminal. */
  color: boolean;
  /** --clipboard: how the TUI copies (auto by default). */
  clipboard: ClipboardMode;
  /** --clipboard-clear-after in seconds; 0 = never. */
  clipboardClearAfterSeconds: number;
  /** --recopy: after a refresh, copy the new token in place of the old one copied this session. */
  recopy: boolean;
  /** --auto-refresh [minutes]: get a new token this many minutes before expiry (5 without a value); undefined = off. */
  autoRefreshMinutes?: number;
  /** false with --no-remember: nothing read from or written to the memory file. */
  remember: boolean;
}

export type ParsedCommand = { kind: 'run'; options: CliOptions } | { kind: 'printed' };

/** Where the colour decision looks; the process by default. */
export interface ParseEnvironment {
  env?: NodeJS.ProcessEnv;
  stdoutIsTTY?: boolean;
}

const DESCRIPTION = `Pick Amazon Redshift clusters and get an IAM Identity Center auth token.

Commands:
  idc-tui                     the terminal UI
  idc-tui --demo              the terminal UI against an embedded emulator
  idc-tui emulator [options]  the local Redshift API emulator (see its --help)

Scripted mode (a drop-in for aws redshift get-identity-center-auth-token):
  idc-tui --cluster-ids ID [ID ...] [--output json|text|table] [--query EXPR]
  runs without a screen when stdout is not a terminal, or with --output/--query.

Exit codes: 0 ok, 252 bad command line, 253 configuration or credentials,
254 service error, 255 other failure, 130 interrupted.`;

const HINT = 'Run idc-tui --help for the options.';

function invalid(message: string): never {
  throw new InvalidArgumentError(message);
}

function parseSeconds(value: string): number {
  if (!/^[0-9]+$/u.test(value.trim())) invalid('expected a whole number of seconds (0 = no timeout).');
  const seconds = Number(value.trim());
  if (!Number.isSafeInteger(seconds) || seconds > 2_147_483) invalid('expected a whole number of seconds up to 2147483 (0 = no timeout).');
  return seconds;
}

function parseClearAfter(value: string): number {
  if (!/^[0-9]+$/u.test(value.trim())) invalid('expected a whole number of seconds (0 = never clear).');
  const seconds = Number(value.trim());
  if (!Number.isSafeInteger(seconds) || seconds > 86_400) invalid('expected a whole number of seconds up to 86400 (0 = never clear).');
  return seconds;
}

function parseMinutes(value: string): number {
  const minutes = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(minutes) || minutes <= 0 || minutes >= 60) invalid('expected minutes before expiry, more than 0 and less than 60 (e.g. 5).');
  return minutes;
}

function parseEndpointUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    invalid('not a URL; give it as http://<hostname>[:port]/ or https://<hostname>[:port]/.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    invalid(`the scheme must be http or https, not ${url.protocol.replace(/:$/u, '')}.`);
  }
  if (url.hostname === '') invalid('the host name is missing; give it as https://<hostname>[:port]/.');
  return value;
}

function parseQuery(value: string): string {
  try {
    checkQuery(value);
  } catch (error) {
    invalid(`not a valid JMESPath expression: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return value;
}

function buildProgram(out: { stdout: string; stderr: string }): Command {
  return new Command('idc-tui')
    .description(DESCRIPTION)
    .version(`idc-tui/${VERSION} node/${process.versions.node}`, '--version', 'print the version and exit')
    .helpOption('-h, --help', 'show this help')
    .addOption(new Option('--cluster-ids [id...]', 'cluster IDs for the token (1 to 20); without scripted output, preselected in the TUI'))
    .addOption(new Option('--cli-input-json <json>', 'operation input as JSON or file://path, like --generate-cli-skeleton prints; flags override it'))
    .addOption(new Option('--generate-cli-skeleton [kind]', 'print a sample input (default) or output JSON and exit without a request').choices(['input', 'output']).preset('input'))
    .addOption(new Option('--output <format>', 'json, text or table (default: AWS_DEFAULT_OUTPUT, the profile\'s output, json)').choices(OUTPUT_FORMATS))
    .addOption(new Option('--query <jmespath>', 'JMESPath expression applied to the result before formatting').argParser(parseQuery))
    .addOption(new Option('--profile <name>', 'AWS profile (default: AWS_PROFILE or "default")'))
    .addOption(new Option('--region <region>', 'AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile\'s region)'))
    .addOption(new Option('--endpoint-url <url>', 'Redshift endpoint (default: AWS_ENDPOINT_URL_REDSHIFT / AWS_ENDPOINT_URL)').argParser(parseEndpointUrl))
    .addOption(new Option('--no-verify-ssl', 'do not verify the endpoint\'s TLS certificate (unsafe)'))
    .addOption(new Option('--ca-bundle <file>', 'PEM file with the CA certificates to trust (default: AWS_CA_BUNDLE, ca_bundle in the profile)'))
    .addOption(new Option('--no-sign-request', 'send the request unsigned; credentials are not loaded'))
    .addOption(new Option('--no-paginate', 'accepted for AWS CLI parity; this operation has a single page'))
    .addOption(new Option('--no-cli-pager', 'accepted for AWS CLI v2 parity; idc-tui never pages'))
    .addOption(new Option('--cli-binary-format <format>', 'accepted for AWS CLI v2 parity; this operation has no binary parameters').choices(['base64', 'raw-in-base64-out']))
    .addOption(new Option('--cli-auto-prompt', 'accepted for AWS CLI v2 parity; without cluster IDs the TUI is the prompt'))
    .addOption(new Option('--no-cli-auto-prompt', 'accepted for AWS CLI v2 parity'))
    .addOption(new Option('--cli-connect-timeout <seconds>', 'longest wait for the connection; 0 = none (default 60)').argParser(parseSeconds))
    .addOption(new Option('--cli-read-timeout <seconds>', 'longest silence while reading the answer; 0 = none (default 60)').argParser(parseSeconds))
    .addOption(new Option('--color <when>', 'colour the screen, the table and error lines: on, off or auto (default; honours NO_COLOR, FORCE_COLOR)').choices(COLOR_MODES).default('auto'))
    .addOption(new Option('--debug', 'log requests and responses to stderr (tokens redacted)').default(false))
    .addOption(new Option('--demo', 'run against an embedded emulator with demo clusters').default(false))
    .addOption(new Option('--clipboard <way>', 'how c copies: auto (system clipboard on a desktop, OSC 52 over SSH or without a display), system, osc52 or off').choices(CLIPBOARD_MODES).default('auto'))
    .addOption(new Option('--clipboard-clear-after <seconds>', `clear the clipboard after this long if it still holds the copy; 0 = never (default ${DEFAULT_CLEAR_AFTER_SECONDS})`).argParser(parseClearAfter).default(DEFAULT_CLEAR_AFTER_SECONDS))
    .addOption(new Option('--recopy', 'after a refresh, copy the new token when the clipboard still holds the old one').default(false))
    .addOption(new Option('--auto-refresh [minutes]', 'TUI: get a new token this many minutes before the old one expires (default 5); a on the token screen toggles it').argParser(parseMinutes))
    .addOption(new Option('--no-remember', 'TUI: do not read or write the remembered selection and profile/region ($XDG_CONFIG_HOME/idc-tui/state.json)'))
    .allowExcessArguments(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => {
        out.stdout += s;
      },
      writeErr: (s) => {
        out.stderr += s;
      },
      outputError: () => {},
    });
}

/** What commander hands back: the CliOptions that need no conversion, plus the raw forms of the rest. */
type RawOptions = Omit<
  CliOptions,
  'clusterIds' | 'connectTimeoutSeconds' | 'readTimeoutSeconds' | 'colorMode' | 'color' | 'clipboardClearAfterSeconds' | 'autoRefreshMinutes'
> & {
  clusterIds?: string[] | true;
  cliConnectTimeout?: number;
  cliReadTimeout?: number;
  color: ColorMode;
  clipboardClearAfter: number;
  autoRefresh?: number | true;
};

function usageError(err: CommanderError): AppError {
  const message = err.message.replace(/^error: /u, '').split('\n')[0] ?? err.message;
  return new AppError('usage', message, { hint: HINT, cause: err });
}

/** Parses argv; help and version text are returned for the caller to print. Bad input is an AppError of kind usage (exit 252). */
export function parseCommandLine(argv: readonly string[], environment: ParseEnvironment = {}): { command: ParsedCommand; stdout: string } {
  const out = { stdout: '', stderr: '' };
  const program = buildProgram(out);
  try {
    program.parse(lastOccurrenceOnly(argv, '--cluster-ids'), { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return { command: { kind: 'printed' }, stdout: out.stdout };
      }
      throw usageError(err);
    }
    throw err;
  }
  const { clusterIds, cliConnectTimeout, cliReadTimeout, color: colorMode, clipboardClearAfter, autoRefresh, ...same } = program.opts<RawOptions>();
  const color = resolveColor(colorMode, environment.env ?? process.env, environment.stdoutIsTTY ?? Boolean(process.stdout.isTTY));
  return {
    command: {
      kind: 'run',
      options: {
        ...same,
        clusterIds: clusterIds === true ? [] : clusterIds && listArgument('--cluster-ids', 'ClusterIds', clusterIds),
        connectTimeoutSeconds: cliConnectTimeout,
        readTimeoutSeconds: cliReadTimeout,
        colorMode,
        color,
        clipboardClearAfterSeconds: clipboardClearAfter,
        autoRefreshMinutes: autoRefresh === true ? DEFAULT_AUTO_REFRESH_MINUTES : autoRefresh,
      },
    },
    stdout: out.stdout,
  };
}
