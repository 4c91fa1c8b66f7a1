/**
 * A small, strict XML reader for tests: elements, attributes, text and entity references. It
 * throws on anything malformed (a stray `<` or `&`, unbalanced tags), so a report that parses here
 * is well-formed for that subset of XML.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
  if (/[<]/.test(raw)) throw new Error(`unescaped < in ${JSON.stringify(raw)}`);
  return raw.replace(/&([^;]*);|&/g, (_match, name: string | undefined) => {
    if (name === undefined) throw new Error(`unescaped & in ${JSON.stringify(raw)}`);
    if (name in ENTITIES) return ENTITIES[name]!;
    const code = /^#x([0-9a-f]+)$/i.exec(name) ?? /^#(\d+)$/.exec(name);
    if (!code) throw new Error(`unknown entity &${name};`);
    return String.fromCodePoint(Number.parseInt(code[1]!, name.startsWith('#x') ? 16 : 10));
  });
}

export function parseXml(xml: string): XmlElement {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/y;
  const attribute = /([\w:.-]+)="([^"]*)"/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let position = 0;
  while (position < body.length) {
    const next = body.indexOf('<', position);
    const text = body.slice(position, next === -1 ? body.length : next);
    if (stack.length > 0) stack[stack.length - 1]!.text += decode(text);
    else if (text.trim() !== '') throw new Error(`text outside the root element: ${JSON.stringify(text)}`);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(body);
    if (!match) throw new Error(`malformed tag at ${next}: ${body.slice(next, next + 40)}`);
    position = tag.lastIndex;
    const [, closing, name, attributeText, selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open?.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const element: XmlElement = { name: name!, attributes: {}, children: [], text: '' };
    // As a real parser does: a literal line break or tab in an attribute value becomes a space.
    for (const [, key, value] of attributeText!.matchAll(attribute)) element.attributes[key!] = decode(value!.replace(/[\t\n\r]/g, ' '));
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else if (root) throw new Error('a second root element');
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (!root || stack.length > 0) throw new Error('unclosed element');
  return root;
}
