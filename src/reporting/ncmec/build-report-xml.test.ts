import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildFileDetailsXml, buildReportXml } from './build-report-xml.js';
import { checkReport } from './check-report.js';
import { FULL_DRAFT } from './report-fixtures.js';
import { validateAgainstSchema } from './validate-xml.js';

/** NCMEC's schema, read from the shared test data and never copied into the repository. */
const XSD_PATH = fileURLToPath(new URL('../../../../shared/testdata/cybertipline/cyber_tipline.xsd', import.meta.url));
const NOW = Date.parse('2026-11-20T12:00:00Z');

describe('CyberTipline report XML', () => {
  let xsd = '';
  before(() => {
    xsd = readFileSync(XSD_PATH, 'utf8');
  });

  it('builds a report with every part Warden fills, valid against NCMEC\'s schema', async () => {
    const checked = checkReport(FULL_DRAFT, NOW);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.error));
    const xml = buildReportXml(checked.value);
    const r = await validateAgainstSchema(xml, xsd);
    assert.deepEqual(r.errors, []);
    assert.equal(r.valid, true);
    assert.match(xml, /<reportAnnotations><sextortion\/><csamSolicitation\/><\/reportAnnotations>/, 'flags as empty elements');
    assert.ok(xml.indexOf('<incidentSummary>') < xml.indexOf('<internetDetails>') && xml.indexOf('<internetDetails>') < xml.indexOf('<reporter>') && xml.indexOf('<reporter>') < xml.indexOf('<personOrUserReported>') && xml.indexOf('<personOrUserReported>') < xml.indexOf('<victim>'));
  });

  it('builds a valid minimal report', async () => {
    const checked = checkReport({ incidentType: 'Child Pornography (possession, manufacture, and distribution)', incidentDateTime: '2026-11-18T21:04:00Z', reporter: { reportingPerson: { email: ['cybertip@social.example'] } }, personOrUserReported: [{ espIdentifier: 'u_1' }] }, NOW);
    assert.ok(checked.ok);
    const r = await validateAgainstSchema(buildReportXml(checked.value), xsd);
    assert.deepEqual(r.errors, []);
  });

  it('builds fileDetails documents valid against the schema', async () => {
    const checked = checkReport(FULL_DRAFT, NOW);
    assert.ok(checked.ok);
    const xml = buildFileDetailsXml(123456, 'f0c1a2', checked.value.files[0]!);
    const r = await validateAgainstSchema(xml, xsd);
    assert.deepEqual(r.errors, []);
    assert.match(xml, /<originalFileHash hashType="SHA256">/);
  });

  it('escapes text so message content cannot break the document', async () => {
    const draft = { ...FULL_DRAFT, chat: { content: 'a < b && "quoted" </content><injected/> \u0001 end' } };
    const checked = checkReport(draft, NOW);
    assert.ok(checked.ok);
    const xml = buildReportXml(checked.value);
    assert.ok(!xml.includes('<injected/>'));
    assert.equal((await validateAgainstSchema(xml, xsd)).valid, true);
  });

  it('is caught by the schema when the element order is wrong (the validator really validates)', async () => {
    const checked = checkReport(FULL_DRAFT, NOW);
    assert.ok(checked.ok);
    const xml = buildReportXml(checked.value);
    const reporter = /<reporter>.*<\/reporter>/.exec(xml)![0];
    const swapped = xml.replace(reporter, '').replace('</report>', `${reporter}</report>`);
    const r = await validateAgainstSchema(swapped, xsd);
    assert.equal(r.valid, false);
    assert.ok(r.errors.some((e) => /not expected/.test(e)));
  });

  it('refuses drafts before submission, naming each field', () => {
    const bad = {
      ...FULL_DRAFT,
      incidentDateTime: '2026-12-01T00:00:00Z',
      annotations: { sextortion: false },
      chat: { content: 'x'.repeat(3001) },
      webPages: { url: ['https://social.example/a b'] },
      reporter: { reportingPerson: { firstName: 'No', lastName: 'Email' } },
    };
    const r = checkReport(bad, NOW);
    assert.ok(!r.ok);
    const fields = r.error.map((i) => i.field).sort();
    assert.deepEqual(fields, ['annotations.sextortion', 'chat.content', 'webPages.url[0]']);
    const r2 = checkReport({ ...FULL_DRAFT, incidentDateTime: '2026-12-01T00:00:00Z', reporter: { reportingPerson: { firstName: 'No' } }, personOrUserReported: [{ profileUrl: [] }] }, NOW);
    assert.ok(!r2.ok);
    assert.deepEqual(r2.error.map((i) => i.field).sort(), ['incidentDateTime', 'personOrUserReported[0]', 'reporter.reportingPerson.email']);
    const r3 = checkReport({ incidentDateTime: '2026-11-18T21:04:00Z' }, NOW);
    assert.ok(!r3.ok && r3.error.some((i) => i.field === 'incidentType') && r3.error.some((i) => i.field === 'reporter'));
  });
});
