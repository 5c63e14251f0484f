import type { ReportDraftInput } from './report-draft.js';

/** Every part of a report Warden fills, with synthetic, non-graphic values. */
export const FULL_DRAFT: ReportDraftInput = {
  incidentType: 'Online Enticement of Children for Sexual Acts',
  platform: 'Example Social',
  escalateToHighPriority: 'Payment demanded with a countdown; the child said they were scared.',
  annotations: { sextortion: true, csamSolicitation: true },
  incidentDateTime: '2026-11-18T21:04:00Z',
  incidentDateTimeDescription: 'First message of the conversation cited below.',
  chat: {
    chatClient: 'Example Social direct messages',
    chatRoomName: 'c_4',
    content: 'u_17: how old are you?\nu_17: keep this between us, ok?\nu_17: add me on the other app',
    additionalInfo: 'Messages cited by the alert, in order.',
  },
  webPages: { url: ['https://social.example/u/u_17'] },
  reporter: {
    reportingPerson: { firstName: 'Trust', lastName: 'Safety', email: ['cybertip@social.example'], phone: ['+1 555 0100'] },
    contactPerson: { firstName: 'On', lastName: 'Call', email: ['oncall@social.example'] },
    companyTemplate: 'Example Social reviews every report before it is filed.',
    legalURL: 'https://social.example/legal',
  },
  personOrUserReported: [
    {
      espIdentifier: 'u_17',
      espService: 'Example Social',
      screenName: 'sunny_day_88',
      displayName: ['Sunny'],
      profileUrl: ['https://social.example/u/sunny_day_88'],
      ipCaptureEvent: [{ ipAddress: '203.0.113.7', eventName: 'Login', dateTime: '2026-11-18T20:00:00Z', possibleProxy: false, port: 443 }],
      priorCTReports: [123456789],
      accountTemporarilyDisabled: { disabledDate: '2026-11-19T08:00:00Z', userNotified: false },
      additionalInfo: 'Contacted five unconnected minors within a day.',
    },
  ],
  victim: [{ person: { age: 13 }, espIdentifier: 'u_mia', screenName: 'mia_draws' }],
  additionalInfo: 'Drafted by Warden from case case_01; reviewed and approved by a trained reviewer.',
  files: [
    {
      localId: 'm1',
      fileName: 'm1.jpg',
      originalFileName: 'IMG_0001.jpg',
      uploadedToEspTimestamp: '2026-11-18T21:10:00Z',
      fileViewedByEsp: false,
      publiclyAvailable: false,
      fileRelevance: 'Reported',
      annotations: { possibleSelfProduction: true },
      industryClassification: 'B1',
      originalFileHash: [
        { hashType: 'MD5', value: 'cd'.repeat(16) },
        { hashType: 'SHA256', value: 'ab'.repeat(32) },
      ],
    },
  ],
};
