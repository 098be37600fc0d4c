import type { IncomingMessage, ServerResponse } from 'node:http';
import { findOperation, type Operation } from './actions/index.js';
import type { EmulatorCluster } from './emulator-cluster.js';
import { faultError } from './fault-errors.js';
import type { FaultBook } from './faults.js';
import {
  QueryError,
  REDSHIFT_NAMESPACE,
  errorBody,
  newRequestId,
  parseForm,
  successBody,
  type Params,
} from './query-protocol.js';
import { checkSigningTime } from './signing-time.js';

export interface RequestRecord {
  action: string;
  params: Record<string, string>;
  status: number;
  code?: string;
  authorization: boolean;
}

export interface HandlerState {
  clusters: EmulatorCluster[];
  faults: FaultBook;
  tokenTtlSeconds: number;
  now: () => number;
  delay: (ms: number) => Promise<void>;
  record: (entry: RequestRecord) => void;
}

interface Answer {
  status: number;
  body: string;
  code?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
export const RESET_CODE = 'ConnectionReset';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_BODY_BYTES) throw new QueryError(413, 'RequestEntityTooLarge', 'Request body is too large.');
  return Buffer.concat(chunks).toString('utf8');
}

async function readParams(req: IncomingMessage): Promise<Params> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const query = parseForm(url.search.slice(1));
  if (req.method === 'GET') return query;
  if (req.method !== 'POST') {
    req.resume();
    throw new QueryError(405, 'MethodNotAllowed', `The HTTP method ${req.method ?? ''} is not allowed for this resource.`);
  }
  return Object.assign(query, parseForm(await readBody(req)));
}

function hasAuthorization(req: IncomingMessage, params: Params): boolean {
  return (
    req.headers.authorization !== undefined ||
    req.headers['x-amz-security-token'] !== undefined ||
    params['X-Amz-Signature'] !== undefined
  );
}

function loggableParams(params: Params): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => !key.toLowerCase().startsWith('x-amz-')));
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function errorAnswer(error: QueryError, namespace: string, requestId: string): Answer {
  return { status: error.status, code: error.code, body: errorBody(namespace, error, requestId) };
}

function checkRouting(params: Params, op: Operation | undefined, authorized: boolean): Operation {
  if (!authorized) throw new QueryError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
  const action = params.Action;
  if (action === undefined || action === '') {
    throw new QueryError(400, 'MissingAction', 'The request must contain the parameter Action.');
  }
  if (!op) throw new QueryError(400, 'InvalidAction', `The action ${action} is not valid for this web service.`);
  const version = params.Version;
  if (version === undefined || version === '') {
    throw new QueryError(400, 'MissingParameter', 'The request must contain the parameter Version.');
  }
  if (version !== op.version) {
    throw new QueryError(400, 'InvalidAction', `Could not find operation ${action} for version ${version}.`);
  }
  return op;
}

interface Exchange {
  req: IncomingMessage;
  requestId: string;
  params: Params;
  /** The server clock for this request, skew included. */
  nowMs: number;
}

const RESET = Symbol('reset');

function throwInjectedError(state: HandlerState, op: Operation): void {
  const fault = state.faults.take(op.errorFaults);
  const error = fault && faultError(fault.kind, op.name);
  if (error) throw error;
}

async function respond(state: HandlerState, ex: Exchange): Promise<Answer | typeof RESET> {
  ex.params = await readParams(ex.req);
  const slow = state.faults.take(['slow']);
  if (slow?.kind === 'slow') await state.delay(slow.ms);
  if (state.faults.take(['reset'])) return RESET;
  ex.nowMs = state.now();
  const op = checkRouting(ex.params, findOperation(ex.params.Action), hasAuthorization(ex.req, ex.params));
  const skew = op.redshift ? state.faults.take(['skew']) : undefined;
  if (skew?.kind === 'skew') {
    ex.nowMs += skew.seconds * 1000;
    checkSigningTime(headerValue(ex.req, 'x-amz-date') ?? ex.params['X-Amz-Date'], ex.nowMs);
  }
  throwInjectedError(state, op);
  const { params, nowMs } = ex;
  const { clusters, tokenTtlSeconds, faults } = state;
  const result = op.run({ params, nowMs, clusters, tokenTtlSeconds, faults });
  const body = successBody(op.namespace, op.name, result, ex.requestId);
  const malformed = op.redshift && state.faults.take(['malformed']);
  return { status: 200, body: malformed ? body.slice(0, Math.floor(body.length / 2)) : body };
}

function asQueryError(error: unknown): QueryError {
  if (error instanceof QueryError) return error;
  return new QueryError(500, 'InternalFailure', 'The request processing has failed because of an unknown error.');
}

function send(res: ServerResponse, answer: Answer, ex: Exchange): void {
  if (res.destroyed) return;
  res.writeHead(answer.status, {
    'Content-Type': 'text/xml',
    'Content-Length': Buffer.byteLength(answer.body),
    Date: new Date(ex.nowMs).toUTCString(),
    'x-amzn-RequestId': ex.requestId,
  });
  res.end(answer.body);
}

export async function handleRequest(state: HandlerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ex: Exchange = { req, requestId: newRequestId(), params: {}, nowMs: state.now() };
  let answer: Answer | typeof RESET;
  try {
    answer = await respond(state, ex);
  } catch (error) {
    const namespace = findOperation(ex.params.Action)?.namespace ?? REDSHIFT_NAMESPACE;
    answer = errorAnswer(asQueryError(error), namespace, ex.requestId);
  }
  const entry = {
    action: ex.params.Action ?? '',
    params: loggableParams(ex.params),
    authorization: hasAuthorization(req, ex.params),
  };
  if (answer === RESET) {
    req.socket.destroy();
    state.record({ ...entry, status: 0, code: RESET_CODE });
    return;
  }
  send(res, answer, ex);
  state.record({ ...entry, status: answer.status, ...(answer.code === undefined ? {} : { code: answer.code }) });
}
