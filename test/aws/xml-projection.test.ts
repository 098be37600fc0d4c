import { describe, expect, it } from 'vitest';
import { projectXml } from '../../src/aws/xml-projection.js';

const PATH = ['R', 'Result', 'Items', 'Item'];
const KEEP = new Set(['Id', 'Tags']);
const project = (xml: string) => projectXml(xml, PATH, KEEP);

describe('projectXml', () => {
  it('keeps the listed children of each item and everything outside the items, byte for byte', () => {
    const xml =
      '<R xmlns="urn:x"><Result><Items>' +
      '<Item><Id>a</Id><Size>3</Size><Tags><Tag><Key>k</Key></Tag></Tags><Owner><Name>n</Name></Owner></Item>' +
      '<Item><Size>4</Size><Id>b&amp;c</Id></Item>' +
      '</Items><Marker>m==</Marker></Result><Meta><RequestId>r</RequestId></Meta></R>';
    expect(project(xml)).toBe(
      '<R xmlns="urn:x"><Result><Items>' +
        '<Item><Id>a</Id><Tags><Tag><Key>k</Key></Tag></Tags></Item>' +
        '<Item><Id>b&amp;c</Id></Item>' +
        '</Items><Marker>m==</Marker></Result><Meta><RequestId>r</RequestId></Meta></R>',
    );
  });

  it('drops a child whole when it holds elements of its own name', () => {
    const xml = '<R><Result><Items><Item><Id>a</Id><Box><Box><Box/></Box><Box>x</Box></Box><Tags/></Item></Items></Result></R>';
    expect(project(xml)).toBe('<R><Result><Items><Item><Id>a</Id><Tags/></Item></Items></Result></R>');
  });

  it('tells a name from a longer name that starts with it', () => {
    const xml = '<R><Result><Items><Item><Id>a</Id><Idle><Id>inner</Id></Idle><ItemCount>2</ItemCount></Item></Items></Result></R>';
    expect(project(xml)).toBe('<R><Result><Items><Item><Id>a</Id></Item></Items></Result></R>');
  });

  it('follows a prolog, whitespace, self-closing tags and quoted attributes holding > or /', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<R a='1>2'>
  <Result>
    <Items>
      <Item>
        <Id>a</Id>
        <Note kind="x/y>z">drop</Note>
        <Empty/>
        <Tags />
      </Item>
    </Items>
  </Result>
</R>`;
    const out = project(xml);
    expect(out).toContain('<Id>a</Id>');
    expect(out).toContain('<Tags />');
    expect(out).not.toContain('drop');
    expect(out).not.toContain('<Empty/>');
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<R a=\'1>2\'>')).toBe(true);
  });

  it('leaves alone items under another path, and answers with another root', () => {
    const elsewhere = '<R><Other><Items><Item><Size>1</Size></Item></Items></Other></R>';
    expect(project(elsewhere)).toBe(elsewhere);
    const error = '<ErrorResponse><Error><Code>Throttling</Code><Message>slow down</Message></Error></ErrorResponse>';
    expect(project(error)).toBe(error);
  });

  it.each([
    ['a comment', '<R><Result><Items><Item><Id>a</Id><!-- <Size> --><Size>1</Size></Item></Items></Result></R>'],
    ['CDATA', '<R><Result><Items><Item><Id>a</Id><Size><![CDATA[</Size>]]></Size></Item></Items></Result></R>'],
    ['a body cut short', '<R><Result><Items><Item><Id>a</Id><Size>1</Si'],
    ['a child never closed', '<R><Result><Items><Item><Id>a</Id><Size>1</Item></Items></Result></R>'],
    ['a wrong close tag', '<R><Result><Items><Item><Id>a</Id></Items></Item></Result></R>'],
    ['no XML at all', 'Service Unavailable'],
    ['only a declaration', '<?xml version="1.0" encoding="UTF-8"?>'],
    ['a declaration and blank space', '<?xml version="1.0"?>\n  \n'],
    ['an unended declaration', '<?xml version="1.0"'],
    ['nothing', ''],
  ])('leaves an answer it cannot follow whole: %s', (_what, xml) => {
    expect(project(xml)).toBe(xml);
  });

  it('leaves every body cut short whole, wherever it is cut (and always returns)', () => {
    const xml =
      '<?xml version="1.0"?>\n<R a="x>y"><Result><Items>' +
      '<Item><Id>a</Id><Box><Box/><Box>b</Box></Box><Tags><Tag><Key>k</Key></Tag></Tags><Empty/></Item>' +
      '<Item><Size>4</Size><Id>c</Id></Item></Items><Marker>m</Marker></Result><Meta><RequestId>r</RequestId></Meta></R>';
    const whole = project(xml);
    expect(whole).not.toBe(xml);
    for (let length = 0; length < xml.length; length++) {
      const cut = xml.slice(0, length);
      expect(project(cut), JSON.stringify(cut)).toBe(cut);
    }
  });

  it('returns the same string when there is nothing to drop', () => {
    const xml = '<R><Result><Items><Item><Id>a</Id></Item></Items></Result></R>';
    expect(project(xml)).toBe(xml);
  });
});
