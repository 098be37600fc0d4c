/**
 * An answer that is not one the API sends (an empty body, an HTML page, a redirect, a document the
 * SDK cannot parse, a token without its fields): the AWS layer reports it as unreadable (exit 255)
 * rather than as an empty result or an error code the service never gave.
 */
export class UnreadableAnswer extends Error {
  constructor(
    readonly service: string,
    readonly reason: string,
  ) {
    super(`could not read ${service}'s answer: ${reason}`);
    this.name = 'UnreadableAnswer';
  }
}

export const UNREADABLE_HINT = 'Check the endpoint URL and any proxy or captive portal between here and AWS, then retry.';
