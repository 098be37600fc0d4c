import type { HandlerExecutionContext, HttpRequest } from '@smithy/types';

/**
 * An endpoint URL's path, kept as given. For an operation on "/" (Query and JSON protocols) the
 * SDK appends "/" to a path that has none (https://host/prefix → POST /prefix/); the AWS CLI
 * sends the path as written (POST /prefix). Longer operation paths are joined alike by both.
 */
export function keepEndpointPath(request: HttpRequest, context: HandlerExecutionContext): void {
  const given = context.endpointV2?.url.pathname;
  if (given === undefined || given === '' || given.endsWith('/')) return;
  if (request.path === `${given}/`) request.path = given;
}
