import { validateXML } from 'xmllint-wasm';

export interface XmlValidation {
  valid: boolean;
  /** xmllint's messages, for example `Element 'reporter': This element is not expected. Expected is ( incidentSummary ).` */
  errors: string[];
}

/**
 * Validates documents against an XML Schema with libxml2 compiled to WebAssembly (no
 * native dependency). Warden never ships NCMEC's schema: tests and the simulator read a
 * copy they are given, production fetches it from NCMEC (`GET {base}/xsd`).
 */
export async function validateAgainstSchema(xml: string | string[], xsd: string): Promise<XmlValidation> {
  const docs = (Array.isArray(xml) ? xml : [xml]).map((contents, i) => ({ fileName: `doc${i}.xml`, contents }));
  const r = await validateXML({
    xml: docs,
    schema: [{ fileName: 'cyber_tipline.xsd', contents: xsd }],
    initialMemoryPages: 512,
    maxMemoryPages: 4096,
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.message) };
}
