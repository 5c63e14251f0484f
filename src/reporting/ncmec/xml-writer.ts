/**
 * A minimal XML writer: elements in the order they are written, text and attributes
 * escaped. Hand-written because the schema's element order is the whole difficulty and it
 * lives in the builder, not in a library; this is twenty lines of escaping.
 */
export class XmlWriter {
  private out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];

  static escape(s: string): string {
    // XML 1.0 forbids most control characters even escaped; drop them rather than emit invalid XML.
    return s
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  private attrs(a?: Record<string, string | boolean | undefined>): string {
    if (!a) return '';
    let s = '';
    for (const [k, v] of Object.entries(a)) if (v !== undefined) s += ` ${k}="${XmlWriter.escape(String(v))}"`;
    return s;
  }

  open(name: string, attrs?: Record<string, string | boolean | undefined>): this {
    this.out.push(`<${name}${this.attrs(attrs)}>`);
    return this;
  }

  close(name: string): this {
    this.out.push(`</${name}>`);
    return this;
  }

  /** An element with text content; nothing when the value is absent. */
  leaf(name: string, value: string | number | boolean | undefined | null, attrs?: Record<string, string | boolean | undefined>): this {
    if (value === undefined || value === null) return this;
    this.out.push(`<${name}${this.attrs(attrs)}>${XmlWriter.escape(String(value))}</${name}>`);
    return this;
  }

  leaves(name: string, values: readonly (string | number)[]): this {
    for (const v of values) this.leaf(name, v);
    return this;
  }

  /** An empty element: how the schema's fixed="true" flags are written. */
  empty(name: string): this {
    this.out.push(`<${name}/>`);
    return this;
  }

  toString(): string {
    return this.out.join('');
  }
}
