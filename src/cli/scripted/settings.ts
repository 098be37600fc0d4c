import { profileSetting } from '../../aws/profile-settings.js';
import { AppError } from '../../domain/errors.js';
import { DEFAULT_TERMINAL_WIDTH, isOutputFormat, OUTPUT_FORMATS, type OutputFormat, type TimestampFormat } from '../../domain/output/index.js';
import type { CliOptions } from '../options.js';

/** How a result is printed. */
export interface OutputSettings {
  output: OutputFormat;
  query?: string;
  timestampFormat: TimestampFormat;
  /** Colour the table. */
  color: boolean;
  /** The table switches to two columns when wider than this (the CLI: the terminal's width, else 80). */
  terminalWidth: number;
}

export interface ResolvedSettings {
  settings: OutputSettings;
  /** Where each setting came from, for --debug. */
  sources: string[];
}

export interface SettingsIo {
  env?: NodeJS.ProcessEnv;
  stdout?: { isTTY?: boolean; columns?: number };
  /** Reads a key of the profile's config section; the AWS shared config files by default. */
  readProfileSetting?: (profile: string | undefined, key: string) => Promise<string | undefined>;
}

const FORMATS = OUTPUT_FORMATS.join(', ');

async function resolveOutput(options: CliOptions, env: NodeJS.ProcessEnv, read: NonNullable<SettingsIo['readProfileSetting']>): Promise<[OutputFormat, string]> {
  if (options.output !== undefined) return [options.output, '--output'];
  const fromEnv = env['AWS_DEFAULT_OUTPUT'];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isOutputFormat(fromEnv)) {
      throw new AppError('config', `AWS_DEFAULT_OUTPUT is "${fromEnv}"; idc-tui prints ${FORMATS}.`, {
        hint: 'Pass --output json|text|table, or change AWS_DEFAULT_OUTPUT.',
      });
    }
    return [fromEnv, 'AWS_DEFAULT_OUTPUT'];
  }
  const fromConfig = await read(options.profile, 'output');
  if (fromConfig !== undefined) {
    if (!isOutputFormat(fromConfig)) {
      throw new AppError('config', `The AWS config sets output = ${fromConfig} for this profile; idc-tui prints ${FORMATS}.`, {
        hint: 'Pass --output json|text|table, or set AWS_DEFAULT_OUTPUT.',
      });
    }
    return [fromConfig, 'profile output'];
  }
  return ['json', 'default'];
}

async function resolveTimestampFormat(options: CliOptions, read: NonNullable<SettingsIo['readProfileSetting']>): Promise<[TimestampFormat, string]> {
  const value = await read(options.profile, 'cli_timestamp_format');
  if (value === undefined) return ['iso8601', 'default'];
  if (value === 'iso8601') return ['iso8601', 'profile cli_timestamp_format'];
  if (value === 'wire' || value === 'none') return ['wire', 'profile cli_timestamp_format'];
  throw new AppError('config', `The AWS config sets cli_timestamp_format = ${value}; valid values are iso8601, wire and none.`, {
    hint: 'Fix cli_timestamp_format in ~/.aws/config (or the file AWS_CONFIG_FILE names).',
  });
}

/**
 * Output settings with the AWS CLI's precedence: command line, then environment
 * (AWS_DEFAULT_OUTPUT), then the profile in the config file, then the default (json, iso8601).
 * A value idc-tui cannot honour in env or config is a configuration error (exit 253).
 */
export async function resolveOutputSettings(options: CliOptions, io: SettingsIo = {}): Promise<ResolvedSettings> {
  const env = io.env ?? process.env;
  const stdout = io.stdout ?? process.stdout;
  const read = io.readProfileSetting ?? profileSetting;
  const [[output, outputFrom], [timestampFormat, timestampFrom]] = await Promise.all([
    resolveOutput(options, env, read),
    resolveTimestampFormat(options, read),
  ]);
  const terminalWidth = stdout.isTTY && stdout.columns ? stdout.columns : DEFAULT_TERMINAL_WIDTH;
  return {
    settings: { output, query: options.query, timestampFormat, color: options.color, terminalWidth },
    sources: [
      `output ${output} (from ${outputFrom})`,
      `cli_timestamp_format ${timestampFormat} (from ${timestampFrom})`,
      `query ${options.query === undefined ? 'none' : JSON.stringify(options.query)}`,
      `color ${options.color ? 'on' : 'off'} (--color ${options.colorMode})`,
    ],
  };
}
