import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildFileDetailsXml, buildReportXml } from './build-report-xml.js';
import { checkReport } from './check-report.js';
import { FULL_DRAFT } from './report-fixtures.js';
import { validateAgainstSchema } from './validate-xml.js';
import { NCMEC_XSD, SKIP_WITHOUT_NCMEC_XSD as skip } from '../../testing/ncmec-xsd.js';

/** NCMEC's schema, from WARDEN_NCMEC_XSD and never copied into the repository. */
const xsd = NCMEC_XSD?.text ?? '';
const NOW = Date.parse('2026-11-20T12:00:00Z');

describe('CyberTipline report XML', () => {
  const fullReport = () => {
    const checked = checkReport(FULL_DRAFT, NOW);
    assert.ok(checked.ok, JSON.stringify(!checked.ok && checked.error));
    return buildReportXml(checked.value);
  };
  const fileDetails = () => {
    const checked = checkReport(FULL_DRAFT, NOW);
    assert.ok(checked.ok);
    return buildFileDetailsXml(123456, 'f0c1a2', checked.value.files[0]!);
  };
  const hostileChat = () => {
    const checked = checkReport({ ...FULL_DRAFT, chat: { content: 'a < b && "quoted" </content><injected/> \u0001 end' } }, NOW);
    assert.ok(checked.ok);
    return buildReportXml(checked.value);
  };

  it("builds a report with every part Warden fills, in the schema's element order", () => {
    const xml = fullReport();
    assert.match(xml, /<reportAnnotations><sextortion\/><csamSolicitation\/><\/reportAnnotations>/, 'flags as empty elements');
    assert.ok(
      xml.indexOf('<incidentSummary>') < xml.indexOf('<internetDetails>') &&
        xml.indexOf('<internetDetails>') < xml.indexOf('<reporter>') &&
        xml.indexOf('<reporter>') < xml.indexOf('<personOrUserReported>') &&
        xml.indexOf('<personOrUserReported>') < xml.indexOf('<victim>'),
    );
  });

  it("builds fileDetails documents with the original file's hash", () => {
    assert.match(fileDetails(), /<originalFileHash hashType="SHA256">/);
  });

  it('escapes text so message content cannot break the document', () => {
    assert.ok(!hostileChat().includes('<injected/>'));
  });

  // One skip line for the whole group when WARDEN_NCMEC_XSD is unset.
  describe("valid against NCMEC's schema", { skip }, () => {
    it('the report with every part Warden fills', async () => {
      const r = await validateAgainstSchema(fullReport(), xsd);
      assert.deepEqual(r.errors, []);
      assert.equal(r.valid, true);
    });

    it('a minimal report', async () => {
      const checked = checkReport(
        {
          incidentType: 'Child Pornography (possession, manufacture, and distribution)',
          incidentDateTime: '2026-11-18T21:04:00Z',
          reporter: { reportingPerson: { email: ['cybertip@social.example'] } },
          personOrUserReported: [{ espIdentifier: 'u_1' }],
        },
        NOW,
      );
      assert.ok(checked.ok);
      const r = await validateAgainstSchema(buildReportXml(checked.value), xsd);
      assert.deepEqual(r.errors, []);
    });

    it('fileDetails documents', async () => {
      const r = await validateAgainstSchema(fileDetails(), xsd);
      assert.deepEqual(r.errors, []);
    });

    it('a report whose message content needed escaping', async () => {
      assert.equal((await validateAgainstSchema(hostileChat(), xsd)).valid, true);
    });

    it('and not when the element order is wrong (the validator really validates)', async () => {
      const xml = fullReport();
      const reporter = /<reporter>.*<\/reporter>/.exec(xml)![0];
      const swapped = xml.replace(reporter, '').replace('</report>', `${reporter}</report>`);
      const r = await validateAgainstSchema(swapped, xsd);
      assert.equal(r.valid, false);
      assert.ok(r.errors.some((e) => /not expected/.test(e)));
    });
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
    const r2 = checkReport(
      {
        ...FULL_DRAFT,
        incidentDateTime: '2026-12-01T00:00:00Z',
        reporter: { reportingPerson: { firstName: 'No' } },
        personOrUserReported: [{ profileUrl: [] }],
      },
      NOW,
    );
    assert.ok(!r2.ok);
    assert.deepEqual(r2.error.map((i) => i.field).sort(), [
      'incidentDateTime',
      'personOrUserReported[0]',
      'reporter.reportingPerson.email',
    ]);
    const r3 = checkReport({ incidentDateTime: '2026-11-18T21:04:00Z' }, NOW);
    assert.ok(!r3.ok && r3.error.some((i) => i.field === 'incidentType') && r3.error.some((i) => i.field === 'reporter'));
  });
});
