/**
 * Bounds from the event protocol (spec: "Envelope" and `POST /v1/events`), plus the
 * bounds the spec leaves open, chosen here and documented in docs/protocol-extensions.md.
 */
export const LIMITS = {
  /** spec: id, 1–128 chars. Also applied to every account, message, media and conversation id. */
  idMaxChars: 128,
  /** spec: text fields are UTF-8, at most 16 KiB. */
  textMaxBytes: 16 * 1024,
  /** spec: POST /v1/events takes at most 1,000 events. */
  batchMaxEvents: 1000,
  /** spec: POST /v1/events takes at most 4 MiB. */
  batchMaxBytes: 4 * 1024 * 1024,
  /** Open in the spec: recipients of one message. Large group chats fit; broadcasts go elsewhere. */
  recipientsMax: 1000,
  /** Open in the spec: media items attached to one message. */
  mediaPerMessageMax: 100,
  /** Open in the spec: URLs and paths of a MediaRef. */
  urlMaxChars: 4096,
  /** A replay line longer than this cannot be a valid event (16 KiB text + envelope). */
  lineMaxBytes: 256 * 1024,
} as const;
