/** An element of a parsed XML document: namespace prefixes stripped, text of direct children joined. */
export interface XmlNode {
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * A small, strict reader for the documents NCMEC's hash sharing API returns: elements,
 * attributes, text and the five predefined entities. SECURITY: a DOCTYPE (and with it any
 * entity expansion) is refused, so a hostile answer cannot grow in memory. Throws on
 * malformed input; the caller turns that into an error naming the source.
 */
export function parseXml(text: string): XmlNode {
  if (/<!DOCTYPE/i.test(text)) throw new Error('a DOCTYPE is not accepted');
  const root: XmlNode = { tag: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const re =
    /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\/\s*([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    m = re.exec(text);
    if (!m) throw new Error(`malformed XML near character ${at}`);
    at = re.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2] !== undefined) {
      if (stack.length === 1 || top.tag !== local(m[2])) throw new Error(`unexpected closing tag ${local(m[2]).slice(0, 40)}`);
      stack.pop();
    } else if (m[3] !== undefined) {
      const attrs: Record<string, string> = {};
      for (const a of (m[4] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[local(a[1]!)] = decode(a[2] ?? a[3] ?? '');
      const node: XmlNode = { tag: local(m[3]), attrs, children: [], text: '' };
      top.children.push(node);
      if (m[5] !== '/') stack.push(node);
    } else if (m[6] !== undefined) {
      if (stack.length === 1 && m[6].trim() !== '') throw new Error('text outside the root element');
      top.text += decode(m[6]);
    }
  }
  if (stack.length !== 1) throw new Error(`element ${stack[stack.length - 1]!.tag} is never closed`);
  if (root.children.length !== 1) throw new Error('expected one root element');
  return root.children[0]!;
}

export const child = (n: XmlNode | undefined, tag: string): XmlNode | undefined => n?.children.find((c) => c.tag === tag);

/** Writes text or an attribute value escaped. */
export const xmlEscape = (s: string) => s.replace(/[&<>"']/g, (c) => `&${Object.entries(ENTITIES).find(([, v]) => v === c)![0]};`);
