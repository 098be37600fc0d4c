import jmespath from 'jmespath';

// jmespath.js exports compile too; @types/jmespath only declares search.
const lib = jmespath as typeof jmespath & { compile(expression: string): unknown };

/** Throws the parser's error when the expression is not valid JMESPath. */
export function checkQuery(expression: string): void {
  lib.compile(expression);
}

/** --query: the JMESPath expression applied to the response, as the CLI does before formatting. */
export function applyQuery(document: unknown, expression: string | undefined): unknown {
  return expression === undefined ? document : lib.search(document, expression);
}
