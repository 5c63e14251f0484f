import { z } from 'zod';
import { BehaviourConfigSchema } from '../behaviour/behaviour-config.js';
import { GateConfigSchema } from '../gate/gate-config.js';
import { LIMITS } from '../events/limits.js';
import { ExchangesConfigSchema } from '../exchanges/exchange-config.js';

/**
 * Every setting with its default. docs/configuration.md documents each one and a test
 * keeps the two in step.
 */
export const ConfigSchema = z
  .strictObject({
    store: z
      .strictObject({
        /** A SQLite file path, `:memory:`, or a `postgres://` URL. */
        url: z.string().min(1).default('./warden.db'),
        /** FULL: a commit survives power loss before the platform gets its acknowledgement. */
        sqliteSynchronous: z.enum(['full', 'normal', 'off']).default('full'),
        pgPoolSize: z.number().int().min(1).max(200).default(10),
      })
      .prefault({}),
    server: z
      .strictObject({
        host: z.string().min(1).default('127.0.0.1'),
        port: z.number().int().min(0).max(65535).default(8080),
        /** spec: POST /v1/events takes at most 4 MiB. */
        bodyLimitBytes: z
          .number()
          .int()
          .min(1024)
          .max(64 * 1024 * 1024)
          .default(LIMITS.batchMaxBytes),
        /** How long shutdown waits for in-flight batches before it gives up. */
        shutdownTimeoutMs: z.number().int().min(0).max(600_000).default(15_000),
      })
      .prefault({}),
    ingest: z
      .strictObject({
        /** How far an event's `ts` may be ahead of Warden's clock before it is rejected. */
        maxFutureSkewSeconds: z.number().int().min(0).max(86_400).default(300),
      })
      .prefault({}),
    media: z
      .strictObject({
        /** Media files under this folder are hashed by Warden when an event's MediaRef names a `path` (none: only hashes carried by events are used). */
        root: z.string().min(1).optional(),
        /** Images with more pixels are refused before decoding (decompression bombs). */
        maxPixels: z.number().int().min(1).max(1_000_000_000).default(50_000_000),
        /** JPEG shrink-on-load before PDQ: large JPEGs decoded at a reduced size, this shorter side. Off by default (bit-exact PDQ). */
        jpegShrinkToSide: z.number().int().min(64).max(4096).optional(),
        /** Files larger than this are not read. */
        maxFileBytes: z
          .number()
          .int()
          .min(1)
          .max(2 ** 31)
          .default(64 * 1024 * 1024),
        /** Hosts (`cdn.example.com` or `host:port`) whose MediaRef `url`s Warden may fetch to hash; none by default. */
        allowedHosts: z.array(z.string().min(1).max(255)).max(100).default([]),
        /** Fetch plain http:// too (for a platform's internal media service); https only by default. */
        allowHttp: z.boolean().default(false),
        /** Give up on a media fetch after this long. */
        fetchTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
        /** A bank entry that matches more distinct uploads than this in an hour is quarantined and an admin told. */
        floodLimitPerHour: z.number().int().min(1).default(1000),
        /** PDQ distance threshold for banks created without one (the industry's usual 31). */
        defaultPdqThreshold: z.number().int().min(0).max(63).default(31),
        /** Videos (decoded by ffmpeg in a child process): vPDQ hashes one frame every this many seconds (python-threatexchange's default, 1); 0: every frame. */
        vpdqSecondsPerHash: z.number().min(0).max(60).default(1),
        /** Videos: the decode is stopped and the video left unhashed past this wall time... */
        videoTimeoutMs: z.number().int().min(1000).max(3_600_000).default(120_000),
        /** ...or past this many hashed frames (ten hours at one a second)... */
        videoMaxFrames: z.number().int().min(1).max(10_000_000).default(36_000),
        /** ...or when a frame has more pixels than this (4K by default). */
        videoMaxPixels: z
          .number()
          .int()
          .min(1)
          .max(1_000_000_000)
          .default(3840 * 2160),
        /** Videos: also compute TMK+PDQF (NCMEC's video fingerprint) for tmk_pdqf bank entries; about doubles the CPU a video costs. */
        videoTmk: z.boolean().default(false),
      })
      .prefault({}),
    rules: z
      .strictObject({
        /** A policy file (YAML or JSON) loaded at start as a new version when it differs from the one in force; none: the stored policy, or the default that ships. */
        policyFile: z.string().min(1).optional(),
      })
      .prefault({}),
    cases: z
      .strictObject({
        /** SLA per priority, in hours from when the case opened: P0 (hash matches, sextortion) first. */
        slaHours: z
          .strictObject({
            p0: z.number().positive().default(1),
            p1: z.number().positive().default(4),
            p2: z.number().positive().default(24),
            p3: z.number().positive().default(72),
          })
          .prefault({}),
        /** A claim lapses after this long without a decision, and the case returns to the queue. */
        claimMinutes: z
          .number()
          .int()
          .min(1)
          .max(24 * 60)
          .default(30),
        /**
         * Routing of queues to teams (issue 17): each team's queues (alert categories) and members
         * (console usernames). A member's queue shows their teams' queues and those routed to no team.
         */
        teams: z
          .record(
            z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1-64 lowercase letters, digits, _ -'),
            z.strictObject({
              queues: z.array(z.string().min(1).max(64)).min(1),
              members: z.array(z.string().min(1).max(64)).default([]),
            }),
          )
          .default({}),
      })
      .prefault({}),
    actions: z
      .strictObject({
        /** Where live actions are POSTed; none: they wait in the outbox until one is set. */
        webhookUrl: z.url().optional(),
        /** HMAC-SHA256 key for the `Warden-Signature` header (set it through WARDEN_WEBHOOK_SECRET, not a file). */
        webhookSecret: z.string().min(16).optional(),
        timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
        /** Attempts before an action is marked failed (visible in the console and at GET /v1/actions?status=failed). */
        maxAttempts: z.number().int().min(1).max(100).default(12),
        /** First retry delay; each further one doubles, with full jitter, up to `maxBackoffMs`. */
        baseBackoffMs: z.number().int().min(1).max(3_600_000).default(1000),
        maxBackoffMs: z.number().int().min(1).max(86_400_000).default(3_600_000),
        /** Deliveries in flight at once. */
        concurrency: z.number().int().min(1).max(1024).default(64),
      })
      .prefault({}),
    console: z
      .strictObject({
        /** Console sessions end after this long, whatever the activity. */
        sessionHours: z
          .number()
          .positive()
          .max(24 * 7)
          .default(12),
        /** Set the Secure flag on the session cookie: on whenever the console is reached over https. */
        secureCookies: z.boolean().default(false),
        /** Media reveals per reviewer per UTC day after which the console warns and suggests a break. */
        dailyExposureWarning: z.number().int().min(1).default(50),
        /** Cases with message text a reviewer reads per UTC day after which the console warns too (issue 17: exposure from text). */
        dailyCaseReadWarning: z.number().int().min(1).default(60),
        /** Password checks the console may start a second, for the whole server (sign-in-budget.ts); past it sign-in answers 503. */
        signInChecksPerSecond: z.number().positive().max(1000).default(0.5),
        /** Checks that may start at once before the per-second budget applies. */
        signInCheckBurst: z.number().int().min(1).max(10_000).default(5),
      })
      .prefault({}),
    reporting: z
      .strictObject({
        /** The product name NCMEC sees (incidentSummary.platform, espService). */
        platform: z.string().min(1).max(200).default('our platform'),
        /** The reporting person on every report; the email is required before a report can be approved. */
        reporterFirstName: z.string().max(200).optional(),
        reporterLastName: z.string().max(200).optional(),
        reporterEmail: z.email().optional(),
        /** `{handle}` or `{id}` is replaced to give a reported user's profile URL. */
        profileUrlTemplate: z
          .string()
          .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL without whitespace')
          .optional(),
        /** Which NCMEC environment reports go to; test and production credentials never mix. */
        environment: z.enum(['test', 'production']).default('test'),
        testBaseUrl: z.url().default('https://exttest.cybertip.org/ispws'),
        productionBaseUrl: z.url().default('https://report.cybertip.org/ispws'),
        /** HTTP Basic credentials per environment: set them through the environment, never a file. */
        testUsername: z.string().min(1).optional(),
        testPassword: z.string().min(1).optional(),
        productionUsername: z.string().min(1).optional(),
        productionPassword: z.string().min(1).optional(),
        /** A report not finished this long after approval raises an admin notice (NCMEC expects reports within 24 hours). */
        deadlineHours: z
          .number()
          .positive()
          .max(24 * 7)
          .default(24),
        timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
        maxAttempts: z.number().int().min(1).max(100).default(20),
        /** Four eyes: a report is approved by someone who did not draft or edit it (issue 17). */
        fourEyes: z.boolean().default(true),
      })
      .prefault({}),
    evidence: z
      .strictObject({
        /** AES-256 keys as `keyId:base64,…` (32 bytes each); set through WARDEN_EVIDENCE_KEYS, never a file. Old keys stay listed to read old packages. */
        keys: z.string().min(1).optional(),
        /** The key new packages are encrypted with (default: the last one listed). */
        activeKeyId: z.string().min(1).max(64).optional(),
        /** Ed25519 private key (PKCS#8 PEM, or its base64) that signs exported packages; WARDEN_EVIDENCE_SIGNING_KEY. */
        signingKey: z.string().min(1).optional(),
        /** Packages are kept this long, then deleted by the sweeper, unless under legal hold (18 U.S.C. 2258A(h): one year). */
        retentionDays: z.number().int().min(1).max(36_500).default(365),
      })
      .prefault({}),
    audit: z
      .strictObject({
        /** Ed25519 private key (PKCS#8 PEM file) that signs checkpoints of the audit head; kept apart from the database. None: no checkpoints. */
        checkpointKeyFile: z.string().min(1).optional(),
        /** Append-only JSONL file the checkpoints go to (required with the key): somewhere the database's operator cannot rewrite. */
        checkpointFile: z.string().min(1).optional(),
        /** Each checkpoint is also POSTed here (a transparency log, another team's store); failures are logged, the file keeps it. */
        checkpointWebhookUrl: z.url().optional(),
        /** A checkpoint after this many new entries… */
        checkpointEveryEntries: z.number().int().min(1).max(10_000_000).default(1000),
        /** …or this many seconds after the last one, whichever comes first (and one on shutdown). */
        checkpointEverySeconds: z.number().int().min(1).max(86_400).default(60),
      })
      .prefault({}),
    conversations: z
      .strictObject({
        /** The learned component: `builtin` (models/conversation-risk.json, from `npm run train`), a file `warden train` wrote, or `off` (cue rules alone). */
        model: z.string().min(1).default('builtin'),
        /** At start, conversation state is rebuilt from the messages among this many of the latest events (0: start empty). */
        rebuildEvents: z.number().int().min(0).max(10_000_000).default(200_000),
        externalClassifier: z
          .strictObject({
            /** A platform's own classifier: POST {messages:[{id,text}]} → {results:[{id,score,category?}]}. None by default. */
            url: z.url().optional(),
            timeoutMs: z.number().int().min(10).max(10_000).default(300),
            /** Scores at or above this raise an alert (adult or unknown age to a minor only). */
            threshold: z.number().min(0).max(1).default(0.9),
            failureThreshold: z.number().int().min(1).max(1000).default(5),
            resetAfterMs: z.number().int().min(100).max(3_600_000).default(30_000),
          })
          .prefault({}),
      })
      .prefault({}),
    gate: GateConfigSchema,
    behaviour: BehaviourConfigSchema,
    log: z
      .strictObject({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
      })
      .prefault({}),
    /** Hash exchanges (issue 20): sources fetched into banks of their own. */
    exchanges: ExchangesConfigSchema,
  })
  .prefault({});

export type WardenConfig = z.output<typeof ConfigSchema>;
export type WardenConfigInput = z.input<typeof ConfigSchema>;
