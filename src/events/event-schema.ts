import { isIP } from 'node:net';
import { z } from 'zod';
import { AGE_BANDS, ASSURANCE_LEVELS } from '../core/age-band.js';
import { LIMITS } from './limits.js';

/*
 * Event protocol v1 (docs/protocol.md). Every object is strict: "anything else at
 * the top level is rejected", and the same holds inside, so a typo in a field name is an
 * error the platform sees at once instead of a silently ignored fact.
 */

const WELL_FORMED = { message: 'is not valid Unicode (it contains a lone surrogate)' };
// PostgreSQL text cannot hold U+0000, and no platform text needs it: refused at the door
// so that an accepted event can always be stored.
const NO_NUL = { message: 'contains a NUL character (U+0000)' };

const TEXT_MAX = `must be at most ${LIMITS.textMaxBytes} bytes of UTF-8`;

/**
 * The string rules shared by every id and text field, as one check: on the ingest path
 * each extra zod check per string field costs measurably (a million events, ~6 strings each).
 */
function storableString(maxBytes: number | undefined) {
  return (s: string, ctx: z.RefinementCtx) => {
    if (!s.isWellFormed()) ctx.addIssue({ code: 'custom', ...WELL_FORMED });
    else if (s.includes('\u0000')) ctx.addIssue({ code: 'custom', ...NO_NUL });
    // A string of n UTF-16 units is at most 3n bytes of UTF-8: count only when it could be over.
    else if (maxBytes !== undefined && s.length * 3 > maxBytes && Buffer.byteLength(s, 'utf8') > maxBytes) {
      ctx.addIssue({ code: 'custom', message: TEXT_MAX });
    }
  };
}

export const Id = z
  .string()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.idMaxChars, { message: `must be at most ${LIMITS.idMaxChars} characters` })
  .superRefine(storableString(undefined));

/** spec: "Text fields are UTF-8, at most 16 KiB" — counted in UTF-8 bytes, not UTF-16 units. */
export const Text = z.string().superRefine(storableString(LIMITS.textMaxBytes));

/** RFC 3339: a date, a time and an offset (`Z` or ±hh:mm) are all required. */
export const Timestamp = z.iso.datetime({ offset: true, message: 'must be an RFC 3339 timestamp with a time zone offset' });

export const IsoDate = z.iso.date({ message: 'must be a calendar date YYYY-MM-DD' });

export const AgeBandSchema = z.enum(AGE_BANDS);
export const AgeAssuranceSchema = z.enum(ASSURANCE_LEVELS);

export const AccountSchema = z.strictObject({
  id: Id,
  ageBand: AgeBandSchema.optional(),
  birthDate: IsoDate.optional(),
  ageAssurance: AgeAssuranceSchema.optional(),
  createdAt: Timestamp.optional(),
  handle: Text.optional(),
  displayName: Text.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 code such as "US"' })
    .optional(),
  isPrivate: z.boolean().optional(),
  // Compatible extension (docs/protocol-extensions.md): where the account was seen from,
  // which CyberTipline reports carry as ipCaptureEvent.
  ipCaptureEvents: z
    .array(
      z.strictObject({
        ipAddress: z.string().refine((v) => isIP(v) !== 0, { message: 'must be an IPv4 or IPv6 address' }),
        event: z.enum(['login', 'registration', 'purchase', 'upload', 'other']).optional(),
        at: Timestamp.optional(),
        port: z.number().int().min(0).max(65535).optional(),
        possibleProxy: z.boolean().optional(),
      }),
    )
    .max(10)
    .optional(),
  // Compatible extension (issue 17): accounts the platform knows belong with this one (the
  // same device, payment or person), shown to reviewers in a case's linked-accounts view.
  linkedAccounts: z
    .array(z.strictObject({ id: Id, reason: Text.optional() }))
    .max(50)
    .optional(),
});

const hex = (chars: number, what: string, lowerOnly: boolean) =>
  z.string().regex(lowerOnly ? new RegExp(`^[0-9a-f]{${chars}}$`) : new RegExp(`^[0-9a-fA-F]{${chars}}$`), {
    message: `must be ${chars} ${lowerOnly ? 'lowercase ' : ''}hex characters (${what})`,
  });

export const MediaRefSchema = z.strictObject({
  id: Id,
  kind: z.enum(['image', 'video']),
  sha256: hex(64, 'SHA-256', false)
    .transform((s) => s.toLowerCase())
    .optional(),
  md5: hex(32, 'MD5', false)
    .transform((s) => s.toLowerCase())
    .optional(),
  // spec: "`pdq` is 64 lowercase hex characters".
  pdq: hex(64, 'PDQ', true).optional(),
  url: z.url({ message: 'must be an absolute URL' }).max(LIMITS.urlMaxChars).optional(),
  path: z.string().min(1).max(LIMITS.urlMaxChars).superRefine(storableString(undefined)).optional(),
});

const envelope = {
  id: Id,
  ts: Timestamp,
  surface: Text.optional(),
};

// `family`, `guardian` and `household` extend protocol version 1 compatibly
// (docs/protocol-extensions.md): platforms without such links never send them.
const ConnectionKind = z.enum(['follow', 'friend', 'contact', 'family', 'guardian', 'household']);
export type ConnectionKind = z.output<typeof ConnectionKind>;

const notSelf = <T extends { from: string; to: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.from === v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must differ from "from"' });
};

export const AccountUpsertedSchema = z.strictObject({
  ...envelope,
  type: z.literal('account.upserted'),
  account: AccountSchema,
});

const connection = <T extends string>(type: T) =>
  z.strictObject({ ...envelope, type: z.literal(type), from: Id, to: Id, kind: ConnectionKind }).superRefine(notSelf);

export const ConnectionRequestedSchema = connection('connection.requested');
export const ConnectionCreatedSchema = connection('connection.created');
export const ConnectionRemovedSchema = connection('connection.removed');

export const MessageSentSchema = z.strictObject({
  ...envelope,
  type: z.literal('message.sent'),
  message: z.strictObject({
    id: Id,
    conversationId: Id,
    from: Id,
    to: z
      .array(Id)
      .min(1, { message: 'must name at least one recipient' })
      .max(LIMITS.recipientsMax, { message: `must name at most ${LIMITS.recipientsMax} recipients` }),
    text: Text.optional(),
    media: z
      .array(MediaRefSchema)
      .max(LIMITS.mediaPerMessageMax, { message: `must hold at most ${LIMITS.mediaPerMessageMax} items` })
      .optional(),
  }),
});

export const MediaUploadedSchema = z.strictObject({
  ...envelope,
  type: z.literal('media.uploaded'),
  media: MediaRefSchema.extend({
    owner: Id,
    visibility: z.enum(['public', 'followers', 'private']).optional(),
  }),
});

export const REPORT_REASONS = ['child_sexual_exploitation', 'grooming', 'sextortion', 'nudity', 'harassment', 'spam', 'other'] as const;

export const ReportFiledSchema = z.strictObject({
  ...envelope,
  type: z.literal('report.filed'),
  report: z.strictObject({
    id: Id,
    reporter: Id,
    subject: z.strictObject({ accountId: Id, messageId: Id.optional(), mediaId: Id.optional() }),
    reason: z.enum(REPORT_REASONS),
    text: Text.optional(),
  }),
});

export const BlockCreatedSchema = z.strictObject({ ...envelope, type: z.literal('block.created'), from: Id, to: Id }).superRefine(notSelf);

export const SearchPerformedSchema = z.strictObject({
  ...envelope,
  type: z.literal('search.performed'),
  actor: Id,
  query: Text,
});

// `group.joined` and `group.left` extend protocol version 1 compatibly (docs/protocol-extensions.md):
// which groups (a school class, a club, a team, a gaming guild) an account is in, so that the
// groups an adult and a child share are evidence in the relationship. Platforms without groups
// never send them.
export const GROUP_KINDS = ['school', 'club', 'team', 'gaming', 'interest', 'family', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
export const GROUP_ROLES = ['member', 'moderator', 'owner'] as const;
const GroupRef = z.strictObject({ id: Id, kind: z.enum(GROUP_KINDS).optional() });

export const GroupJoinedSchema = z.strictObject({
  ...envelope,
  type: z.literal('group.joined'),
  group: GroupRef,
  member: Id,
  role: z.enum(GROUP_ROLES).optional(),
});

export const GroupLeftSchema = z.strictObject({ ...envelope, type: z.literal('group.left'), group: GroupRef, member: Id });

export const EVENT_SCHEMAS = {
  'account.upserted': AccountUpsertedSchema,
  'connection.requested': ConnectionRequestedSchema,
  'connection.created': ConnectionCreatedSchema,
  'connection.removed': ConnectionRemovedSchema,
  'message.sent': MessageSentSchema,
  'media.uploaded': MediaUploadedSchema,
  'report.filed': ReportFiledSchema,
  'block.created': BlockCreatedSchema,
  'search.performed': SearchPerformedSchema,
  'group.joined': GroupJoinedSchema,
  'group.left': GroupLeftSchema,
} as const;

export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

/** The union, for documentation (OpenAPI); validation dispatches on `type` in validate-event.ts. */
export const EventSchema = z.discriminatedUnion('type', [
  AccountUpsertedSchema,
  ConnectionRequestedSchema,
  ConnectionCreatedSchema,
  ConnectionRemovedSchema,
  MessageSentSchema,
  MediaUploadedSchema,
  ReportFiledSchema,
  BlockCreatedSchema,
  SearchPerformedSchema,
  GroupJoinedSchema,
  GroupLeftSchema,
]);

export type WardenEvent = z.output<typeof EventSchema>;
export type EventOf<T extends EventType> = Extract<WardenEvent, { type: T }>;
export type MediaRef = z.output<typeof MediaRefSchema>;
export type AccountFields = z.output<typeof AccountSchema>;
