import { Command, CommanderError, Option } from 'commander';
import { AppError } from '../domain/errors.js';
import { VERSION } from './version.js';

export interface CliOptions {
  profile?: string;
  region?: string;
  endpointUrl?: string;
  clusterIds?: string[];
  demo: boolean;
  debug: boolean;
}

export type ParsedCommand = { kind: 'run'; options: CliOptions } | { kind: 'printed' };

const DESCRIPTION = `Pick Amazon Redshift clusters and get an IAM Identity Center auth token.

Commands:
  idc-tui                      start the terminal UI
  idc-tui --demo               start the terminal UI against an embedded emulator
  idc-tui emulator [options]   run the local Redshift API emulator (--help for its options)`;

function buildProgram(out: { stdout: string; stderr: string }): Command {
  return new Command('idc-tui')
    .description(DESCRIPTION)
    .version(`idc-tui/${VERSION} node/${process.versions.node}`, '--version', 'print the version and exit')
    .helpOption('-h, --help', 'show this help')
    .addOption(new Option('--profile <name>', 'AWS profile (default: AWS_PROFILE or "default")'))
    .addOption(new Option('--region <region>', 'AWS region (default: AWS_REGION or the profile\'s region)'))
    .addOption(new Option('--endpoint-url <url>', 'Redshift endpoint (default: AWS_ENDPOINT_URL_REDSHIFT / AWS_ENDPOINT_URL)'))
    .addOption(new Option('--cluster-ids <id...>', 'preselect these cluster IDs'))
    .addOption(new Option('--demo', 'run against an embedded emulator with demo clusters').default(false))
    .addOption(new Option('--debug', 'log requests and responses to stderr (tokens redacted)').default(false))
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

/** Parses argv; help and version text are returned for the caller to print. */
export function parseCommandLine(argv: readonly string[]): { command: ParsedCommand; stdout: string } {
  const out = { stdout: '', stderr: '' };
  const program = buildProgram(out);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
        return { command: { kind: 'printed' }, stdout: out.stdout };
      }
      throw new AppError('usage', err.message.replace(/^error: /, ''), { hint: 'Run idc-tui --help for the options.' });
    }
    throw err;
  }
  const o = program.opts<{
    profile?: string;
    region?: string;
    endpointUrl?: string;
    clusterIds?: string[];
    demo: boolean;
    debug: boolean;
  }>();
  return {
    command: {
      kind: 'run',
      options: {
        profile: o.profile,
        region: o.region,
        endpointUrl: o.endpointUrl,
        clusterIds: o.clusterIds,
        demo: o.demo,
        debug: o.debug,
      },
    },
    stdout: out.stdout,
  };
}
