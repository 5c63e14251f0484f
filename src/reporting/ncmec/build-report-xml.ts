import type { z } from 'zod';
import type { PersonSchema, ReportDraft, ReportFile, ReportedUserSchema, VictimSchema } from './report-draft.js';
import { XmlWriter } from './xml-writer.js';

type Person = z.output<typeof PersonSchema>;
type Account = z.output<typeof ReportedUserSchema> | z.output<typeof VictimSchema>;

/** The schema's location, as NCMEC's documents name it. */
const SCHEMA_LOCATION = 'https://report.cybertip.org/ispws/xsd';

function person(w: XmlWriter, tag: string, p: Partial<Person>, withAge = true): void {
  w.open(tag).leaf('firstName', p.firstName).leaf('lastName', p.lastName);
  for (const phone of p.phone ?? []) w.leaf('phone', phone);
  for (const email of p.email ?? []) w.leaf('email', email);
  if (withAge) w.leaf('age', p.age).leaf('dateOfBirth', p.dateOfBirth);
  w.close(tag);
}

function disabled(w: XmlWriter, tag: string, d: Account['accountTemporarilyDisabled']): void {
  if (!d) return;
  w.leaf(tag, 'true', { disabledDate: d.disabledDate, userNotified: d.userNotified, userNotifiedDate: d.userNotifiedDate });
}

function ipCaptures(w: XmlWriter, events: Account['ipCaptureEvent']): void {
  for (const e of events) {
    w.open('ipCaptureEvent')
      .leaf('ipAddress', e.ipAddress)
      .leaf('eventName', e.eventName)
      .leaf('dateTime', e.dateTime)
      .leaf('possibleProxy', e.possibleProxy)
      .leaf('port', e.port)
      .close('ipCaptureEvent');
  }
}

/**
 * The `<report>` document for `POST /submit`, children in the schema's sequence order
 * (cyber_tipline.xsd, element `report`): incidentSummary, internetDetails*, reporter,
 * personOrUserReported*, victim*, additionalInfo. Files travel separately (/upload and
 * /fileinfo, see `buildFileDetailsXml`).
 */
export function buildReportXml(d: ReportDraft): string {
  const w = new XmlWriter();
  w.open('report', { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:noNamespaceSchemaLocation': SCHEMA_LOCATION });

  w.open('incidentSummary')
    .leaf('incidentType', d.incidentType)
    .leaf('platform', d.platform)
    .leaf('escalateToHighPriority', d.escalateToHighPriority);
  const flags = Object.entries(d.annotations).filter(([, v]) => v === true);
  if (flags.length > 0) {
    w.open('reportAnnotations');
    for (const [name] of flags) w.empty(name);
    w.close('reportAnnotations');
  }
  w.leaf('incidentDateTime', d.incidentDateTime)
    .leaf('incidentDateTimeDescription', d.incidentDateTimeDescription)
    .close('incidentSummary');

  if (d.webPages) {
    w.open('internetDetails')
      .open('webPageIncident')
      .leaves('url', d.webPages.url)
      .leaf('additionalInfo', d.webPages.additionalInfo)
      .close('webPageIncident')
      .close('internetDetails');
  }
  if (d.chat) {
    w.open('internetDetails')
      .open('chatImIncident')
      .leaf('chatClient', d.chat.chatClient)
      .leaf('chatRoomName', d.chat.chatRoomName)
      .leaf('content', d.chat.content)
      .leaf('additionalInfo', d.chat.additionalInfo)
      .close('chatImIncident')
      .close('internetDetails');
  }

  w.open('reporter');
  person(w, 'reportingPerson', d.reporter.reportingPerson);
  if (d.reporter.contactPerson) person(w, 'contactPerson', d.reporter.contactPerson, false);
  w.leaf('companyTemplate', d.reporter.companyTemplate)
    .leaf('termsOfService', d.reporter.termsOfService)
    .leaf('legalURL', d.reporter.legalURL)
    .close('reporter');

  for (const u of d.personOrUserReported) {
    w.open('personOrUserReported');
    if (u.person) person(w, 'personOrUserReportedPerson', u.person);
    w.leaf('espIdentifier', u.espIdentifier)
      .leaf('espService', u.espService)
      .leaf('screenName', u.screenName)
      .leaves('displayName', u.displayName)
      .leaves('profileUrl', u.profileUrl);
    ipCaptures(w, u.ipCaptureEvent);
    w.leaves('priorCTReports', u.priorCTReports);
    disabled(w, 'accountTemporarilyDisabled', u.accountTemporarilyDisabled);
    disabled(w, 'accountPermanentlyDisabled', u.accountPermanentlyDisabled);
    w.leaf('additionalInfo', u.additionalInfo).close('personOrUserReported');
  }

  for (const v of d.victim) {
    w.open('victim');
    person(w, 'victimPerson', v.person);
    w.leaf('espIdentifier', v.espIdentifier)
      .leaf('espService', v.espService)
      .leaf('screenName', v.screenName)
      .leaves('displayName', v.displayName)
      .leaves('profileUrl', v.profileUrl);
    ipCaptures(w, v.ipCaptureEvent);
    w.leaf('schoolName', v.schoolName).leaves('priorCTReports', v.priorCTReports);
    disabled(w, 'accountTemporarilyDisabled', v.accountTemporarilyDisabled);
    disabled(w, 'accountPermanentlyDisabled', v.accountPermanentlyDisabled);
    w.leaf('additionalInfo', v.additionalInfo).close('victim');
  }

  w.leaf('additionalInfo', d.additionalInfo).close('report');
  return w.toString();
}

/** The `<fileDetails>` document for `POST /fileinfo` (element `fileDetails`, in sequence order). */
export function buildFileDetailsXml(reportId: number | string, fileId: string, f: ReportFile): string {
  const w = new XmlWriter();
  w.open('fileDetails', { 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:noNamespaceSchemaLocation': SCHEMA_LOCATION });
  w.leaf('reportId', reportId)
    .leaf('fileId', fileId)
    .leaf('fileName', f.fileName)
    .leaf('originalFileName', f.originalFileName)
    .leaf('uploadedToEspTimestamp', f.uploadedToEspTimestamp);
  w.leaf('locationOfFile', f.locationOfFile)
    .leaf('fileViewedByEsp', f.fileViewedByEsp)
    .leaf('exifViewedByEsp', f.exifViewedByEsp)
    .leaf('publiclyAvailable', f.publiclyAvailable)
    .leaf('fileRelevance', f.fileRelevance);
  const flags = Object.entries(f.annotations).filter(([, v]) => v === true);
  if (flags.length > 0) {
    w.open('fileAnnotations');
    for (const [name] of flags) w.empty(name);
    w.close('fileAnnotations');
  }
  w.leaf('industryClassification', f.industryClassification);
  for (const h of f.originalFileHash) w.leaf('originalFileHash', h.value, { hashType: h.hashType });
  w.leaf('additionalInfo', f.additionalInfo).close('fileDetails');
  return w.toString();
}
