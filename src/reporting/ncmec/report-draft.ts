import { z } from 'zod';
import { INCIDENT_TYPES } from './incident-types.js';

/*
 * A CyberTipline report as Warden drafts it and a reviewer completes it: the parts of the
 * schema a platform fills, named as the schema names them. Free text is at most 3,000
 * characters (NCMEC's limit for text fields, which the XSD does not state).
 */
export const TEXT_MAX = 3000;
const text = z.string().min(1).max(TEXT_MAX, `must be at most ${TEXT_MAX} characters`);
const short = z.string().min(1).max(500);
const iso = z.iso.datetime({ offset: true, message: 'must be an RFC 3339 date-time with an offset' });
/** SECURITY and schema: URLs are sent as written; whitespace in one is a mistake NCMEC rejects. */
const url = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^\S+$/, 'must not contain whitespace')
  .regex(/^https?:\/\//, 'must start with http:// or https://');
/** Annotation flags are `fixed="true"` booleans: present (an empty element) or absent, never false. */
const flag = z.literal(true).optional();

export const IpCaptureSchema = z.strictObject({
  ipAddress: z.string().min(2).max(64),
  eventName: z.enum(['Login', 'Registration', 'Purchase', 'Upload', 'Other', 'Unknown']).optional(),
  dateTime: iso.optional(),
  possibleProxy: z.boolean().optional(),
  port: z.number().int().min(0).max(65535).optional(),
});

const Disabled = z.strictObject({ disabledDate: iso.optional(), userNotified: z.boolean().optional(), userNotifiedDate: iso.optional() });

export const PersonSchema = z.strictObject({
  firstName: short.optional(),
  lastName: short.optional(),
  email: z.array(z.email()).max(20).default([]),
  phone: z.array(z.string().min(3).max(40)).max(20).default([]),
  age: z.number().int().min(0).max(130).optional(),
  dateOfBirth: z.iso.date().optional(),
});

/** personOrUserReported and victim share these fields. */
const accountFields = {
  espIdentifier: short.optional(),
  espService: short.optional(),
  screenName: short.optional(),
  displayName: z.array(short).max(20).default([]),
  profileUrl: z.array(url).max(20).default([]),
  ipCaptureEvent: z.array(IpCaptureSchema).max(200).default([]),
  priorCTReports: z.array(z.number().int().positive()).max(100).default([]),
  accountTemporarilyDisabled: Disabled.optional(),
  accountPermanentlyDisabled: Disabled.optional(),
  additionalInfo: text.optional(),
};

export const ReportedUserSchema = z.strictObject({ person: PersonSchema.optional(), ...accountFields });
export const VictimSchema = z.strictObject({ person: PersonSchema.prefault({}), schoolName: short.optional(), ...accountFields });

export const HashSchema = z.strictObject({
  hashType: z.enum(['MD5', 'SHA256', 'PDQ', 'SHA1', 'PhotoDNA']),
  value: z.string().min(1).max(2048),
});

export const ReportFileSchema = z.strictObject({
  /** Warden's id for the file (media id); NCMEC assigns its own fileId on upload. */
  localId: short,
  /** Warden's own: the event whose MediaRef holds the bytes (not sent to NCMEC). */
  sourceEventId: short.optional(),
  fileName: short.optional(),
  originalFileName: short.optional(),
  uploadedToEspTimestamp: iso.optional(),
  locationOfFile: url.optional(),
  fileViewedByEsp: z.boolean().optional(),
  exifViewedByEsp: z.boolean().optional(),
  publiclyAvailable: z.boolean().optional(),
  fileRelevance: z.enum(['Reported', 'Supplemental Reported']).optional(),
  annotations: z
    .strictObject({
      animeDrawingVirtualHentai: flag,
      potentialMeme: flag,
      viral: flag,
      possibleSelfProduction: flag,
      physicalHarm: flag,
      violenceGore: flag,
      bestiality: flag,
      liveStreaming: flag,
      infant: flag,
      generativeAi: flag,
    })
    .prefault({}),
  /** The industry classification (A1, A2, B1, B2) a reviewer assigns. */
  industryClassification: z.enum(['A1', 'A2', 'B1', 'B2']).optional(),
  originalFileHash: z.array(HashSchema).max(10).default([]),
  additionalInfo: text.optional(),
});

export const ReportDraftSchema = z.strictObject({
  incidentType: z.enum(INCIDENT_TYPES),
  platform: short.optional(),
  escalateToHighPriority: text.optional(),
  annotations: z
    .strictObject({ sextortion: flag, csamSolicitation: flag, minorToMinorInteraction: flag, spam: flag, sadisticOnlineExploitation: flag })
    .prefault({}),
  incidentDateTime: iso,
  incidentDateTimeDescription: text.optional(),
  chat: z
    .strictObject({
      chatClient: short.optional(),
      chatRoomName: short.optional(),
      content: text.optional(),
      additionalInfo: text.optional(),
    })
    .optional(),
  webPages: z.strictObject({ url: z.array(url).max(100).default([]), additionalInfo: text.optional() }).optional(),
  reporter: z.strictObject({
    reportingPerson: PersonSchema,
    contactPerson: PersonSchema.omit({ age: true, dateOfBirth: true }).optional(),
    companyTemplate: text.optional(),
    termsOfService: text.optional(),
    legalURL: url.optional(),
  }),
  personOrUserReported: z.array(ReportedUserSchema).max(20).default([]),
  victim: z.array(VictimSchema).max(50).default([]),
  additionalInfo: text.optional(),
  files: z.array(ReportFileSchema).max(1000).default([]),
});
export type ReportDraft = z.output<typeof ReportDraftSchema>;
export type ReportDraftInput = z.input<typeof ReportDraftSchema>;
export type ReportFile = z.output<typeof ReportFileSchema>;
