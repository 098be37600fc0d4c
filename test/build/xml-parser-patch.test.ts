import { beforeAll, describe, expect, it } from 'vitest';
import { clusterXml } from '../../src/emulator/cluster-xml.js';
import { demoClusters } from '../../src/emulator/demo-clusters.js';
import { generateClusters } from '../../src/emulator/generate-clusters.js';
import { QueryError, REDSHIFT_NAMESPACE, errorBody, successBody } from '../../src/emulator/query-protocol.js';
import { originalAndPatched } from './bundle-with-plugin.js';

type ParseXml = (xml: string) => unknown;

/**
 * The bundle replaces the SDK's XML parser with a faster one (scripts/build-plugins.mjs). The SDK
 * reads every response through it, so it must give exactly what the original gives: the same
 * value, or the same error, for every input.
 */
let originalParseXML: ParseXml;
let patchedParseXML: ParseXml;

beforeAll(async () => {
  // The ES build of the parser is what the bundle takes (mainFields: module).
  const parser = "export { parseXML } from '@aws-sdk/xml-builder/dist-es/xml-parser.js';";
  const bundles = await originalAndPatched<{ parseXML: ParseXml }>(parser, 'fastXmlParser');
  ({ original: { parseXML: originalParseXML }, patched: { parseXML: patchedParseXML } } = bundles);
});

function outcome(parse: ParseXml, xml: string): { value: unknown } | { error: string } {
  try {
    return { value: parse(xml) };
  } catch (err) {
    return { error: String(err) };
  }
}

function expectSame(xml: string): void {
  const original = outcome(originalParseXML, xml);
  const patched = outcome(patchedParseXML, xml);
  expect(patched).toEqual(original);
  if ('value' in original && 'value' in patched) expect(JSON.stringify(patched.value)).toBe(JSON.stringify(original.value));
}

const describeClusters = (clusters: ReturnType<typeof demoClusters>, marker?: string) =>
  successBody(REDSHIFT_NAMESPACE, 'DescribeClusters', `<Clusters>${clusters.map(clusterXml).join('')}</Clusters>${marker ? `<Marker>${marker}</Marker>` : ''}`, 'req-1');

describe('the patched SDK XML parser gives what the original gives', () => {
  it('for DescribeClusters pages from the emulator (demo and generated clusters, with a marker)', () => {
    expectSame(describeClusters(demoClusters()));
    expectSame(describeClusters(generateClusters(250), 'next-page-token-0123456789'));
    expectSame(describeClusters([]));
  });

  it('for an error response', () => {
    expectSame(errorBody(REDSHIFT_NAMESPACE, new QueryError(404, 'ClusterNotFound', 'Cluster a-b not found & gone <really>.'), 'req-2'));
  });

  it.each([
    ['indented, with CRLF line ends', '<?xml version="1.0" encoding="UTF-8"?>\r\n<R xmlns="urn:x">\r\n  <A>1</A>\r\n  <B>\r\n    <C>two words</C>\r\n  </B>\r\n</R>\r\n'],
    ['repeated children become arrays', '<R><m>1</m><m>2</m><m>3</m><n>x</n></R>'],
    ['attributes, with both quotes and entities', `<R a="1" b='two' c="&lt;&amp;&gt;&quot;&apos;&#65;&#x42;"><x k="v"/></R>`],
    ['self-closing, empty and whitespace-only elements', '<R><a/><b></b><c>   </c><d>\n  </d><e> \t </e></R>'],
    ['entities in text and unknown entities', '<R><t>a &amp; b &lt; c &#169; &#x1F600; &nope; &amp;amp;</t></R>'],
    ['CDATA, kept as written', '<R><t><![CDATA[<not> &amp; a tag]]></t><u>x<![CDATA[y]]>z</u></R>'],
    ['comments and processing instructions', '<!-- head --><R><!-- in --><a>1<!-- mid -->2</a><?pi x?><b>3</b></R>'],
    ['mixed text and elements', '<R>before<a>1</a>middle<b>2</b>after</R>'],
    ['mixed with attributes', '<R id="7">text<a>1</a></R>'],
    ['text only with an attribute', '<R id="7">just text</R>'],
    ['a child named like an attribute', '<R a="attr"><a>child</a></R>'],
    ['a doctype', '<!DOCTYPE R [<!ENTITY x "y">]><R><a>1</a></R>'],
    ['a doctype in lower case after a comment', '<?xml version="1.0"?><!-- c --><!doctype R><R><a>1</a></R>'],
    ['whitespace inside tags', '<R ><a x = "1" >t</a ><b/ ></R >'],
    ['long text values and names', `<R><ClusterNamespaceArnLongName>${'arn:aws:redshift:us-east-1:123456789012:namespace:'.repeat(3)}</ClusterNamespaceArnLongName></R>`],
    ['__proto__ as a tag and an attribute', '<R __proto__="p"><__proto__>x</__proto__><__proto__>y</__proto__></R>'],
    ['non-ASCII text', '<R><t>Zürich — 東京 — 🙂</t></R>'],
    ['empty CDATA, alone and beside children', '<R><t><![CDATA[]]></t><u><![CDATA[]]><a/></u></R>'],
    ['a child named #text beside text', '<R>t<#text>c</#text><#text>d</#text></R>'],
    ['whitespace beside children, with and without line breaks', '<R> <a>1</a>\n <b>2</b> <c> x </c></R>'],
    ['closing tags with spaces', '<R><a>1</a  ><b>2</ b><c>3</c\n></R>'],
    ['deep nesting with repeated children and attributes', '<R><L><m k="1"><v>a</v></m><m k="2"><v>b</v><v>c</v></m></L></R>'],
  ])('for %s', (_name, xml) => {
    expectSame(xml);
  });

  it.each([
    ['mismatched tags', '<R><a>1</b></R>'],
    ['a missing closing tag', '<R><a>1</a>'],
    ['an unclosed self-closing tag', '<R><a/</R>'],
    ['a truncated tag', '<R><a'],
    ['no root element', '   '],
    ['text before the root', 'hello <R/>'],
    ['an unclosed comment', '<R><!-- never ends</R>'],
    ['an unclosed CDATA', '<R><![CDATA[ never ends</R>'],
    ['an unclosed doctype', '<!DOCTYPE R [ <R/>'],
    ['an attribute without a value', '<R a><b/></R>'],
  ])('for bad input: %s (the same error)', (_name, xml) => {
    expectSame(xml);
  });
});
