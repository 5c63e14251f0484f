import { readFileSync } from 'node:fs';
import { buildFileDetailsXml, buildReportXml } from '../reporting/ncmec/build-report-xml.js';
import { checkReport } from '../reporting/ncmec/check-report.js';
import { FULL_DRAFT } from '../reporting/ncmec/report-fixtures.js';
import { validateAgainstSchema } from '../reporting/ncmec/validate-xml.js';

/**
 * Building and validating a CyberTipline report with `files` files: the draft checked, the
 * report XML and one fileDetails document per file built, all validated against the schema.
 * Baseline in the same run: the same for a report with one file (the schema's fixed cost).
 * Prints JSON. argv: xsdPath files. An empty xsdPath (NCMEC's schema not at hand) times
 * the build alone and reports validateMs as null.
 */
const xsd = process.argv[2] ? readFileSync(process.argv[2], 'utf8') : undefined;
const files = Number(process.argv[3] ?? 100);

async function once(n: number) {
  const t0 = performance.now();
  const draft = {
    ...FULL_DRAFT,
    files: Array.from({ length: n }, (_, i) => ({ ...FULL_DRAFT.files![0]!, localId: `m${i}`, fileName: `m${i}.jpg` })),
  };
  const checked = checkReport(draft, Date.parse('2026-11-20T12:00:00Z'));
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  const docs = [buildReportXml(checked.value), ...checked.value.files.map((f, i) => buildFileDetailsXml(100000 + i, `f${i}`, f))];
  const t1 = performance.now();
  if (xsd) {
    const v = await validateAgainstSchema(docs, xsd);
    if (!v.valid) throw new Error(v.errors.join('; '));
  }
  const t2 = performance.now();
  return { buildMs: t1 - t0, validateMs: t2 - t1, totalMs: t2 - t0, documents: docs.length, bytes: docs.reduce((s, d) => s + d.length, 0) };
}

await once(1); // warm the WebAssembly module and the JIT
const runs = [];
for (let i = 0; i < 5; i++) runs.push(await once(files));
const base = [];
for (let i = 0; i < 5; i++) base.push(await once(1));
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
process.stdout.write(
  JSON.stringify({
    files,
    documents: runs[0]!.documents,
    bytes: runs[0]!.bytes,
    buildMs: median(runs.map((r) => r.buildMs)),
    validateMs: xsd ? median(runs.map((r) => r.validateMs)) : null,
    totalMs: median(runs.map((r) => r.totalMs)),
    oneFileTotalMs: median(base.map((r) => r.totalMs)),
  }),
);
