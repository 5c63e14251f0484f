// The design's arrows as import rules (docs/architecture.md, "The flow"). Each zone names the
// folders `target` may not import from, and why; eslint.config.js applies them, and
// eslint-suppressions.json records the exceptions that stood when a zone was written.
const src = (names) => names.map((n) => `./src/${n}`);

/**
 * Files every capability may import from a folder it is otherwise kept out of: the HTTP kit a
 * capability mounts its own routes with (DESIGN.md: each folder owns its routes), and the
 * protocol's schemas, which are the contract rather than the ingest pipeline.
 */
const SHARED = {
  server: ['./route-context.ts', './parse-input.ts', './auth.ts', './problem.ts', './version.ts'],
  events: ['./event-schema.ts', './validate-event.ts', './limits.ts'],
};

const ABOVE_INGEST = ['cases', 'rules', 'actions', 'reporting', 'console', 'server', 'cli', 'decoys', 'transparency'];
const DETECTORS = ['behaviour', 'conversations', 'media'];

const ARROWS = [
  {
    target: './src/core',
    from: './src',
    except: ['./core'],
    message: 'core/ is the leaf every folder imports: it imports nothing outside core.',
  },
  {
    target: src(DETECTORS),
    from: src(['cases', 'rules', 'actions', 'reporting', 'console', 'server', 'cli', 'engine']),
    message: 'A detector never calls a reviewer or acts: it turns events into alert drafts, and the engine calls it.',
  },
  {
    target: src(['behaviour', 'conversations']),
    from: src(['store']),
    message: 'Detectors are pure (no I/O): what they keep is rebuilt by the engine from the store.',
  },
  {
    target: './src/console',
    from: src(['behaviour', 'conversations', 'media', 'events', 'facts', 'gate', 'engine']),
    message: 'The console never runs detection or ingest: it reads cases and what the server hands it.',
  },
  {
    target: './src/gate',
    from: src(['store', 'engine', 'events', ...ABOVE_INGEST]),
    message: 'The gate reads facts that ingest keeps warm and does no I/O of its own on the hot path.',
  },
  {
    target: './src/facts',
    from: src(['engine', 'gate', 'alerts', 'store', ...DETECTORS, ...ABOVE_INGEST]),
    message: 'Facts are state: data flows into them from events, and nothing they import may read them back.',
  },
  {
    target: src(['events', 'audit']),
    from: src(['engine', ...ABOVE_INGEST]),
    message: 'Events and the audit log sit below the engine: they may not import it or anything above it.',
  },
  {
    target: src(['cases', 'rules', 'actions', 'reporting', 'decoys', 'transparency']),
    from: src(['events', 'facts', 'gate', 'behaviour', 'conversations', 'console', 'server', 'cli']),
    message: 'Capabilities above the engine depend on the ledger (commit, audit), not on ingest, detection or the console.',
  },
  {
    target: './src/alerts',
    from: src(['engine', ...DETECTORS, ...ABOVE_INGEST]),
    message: 'Alerts are a record: detectors write them, and rules and cases read them, never the other way round.',
  },
  {
    // tables.ts composes the one Database type from each capability's own table types.
    target: ['./src/store/!(tables).ts', './src/store/*/**'],
    from: src(['engine', 'gate', ...DETECTORS, ...ABOVE_INGEST]),
    message: 'The store knows tables and rows, not the capabilities that use them.',
  },
  {
    target: './src/actions',
    from: src(['cases']),
    message: 'Actions go to the platform; they do not reach back into review.',
  },
];

/** One zone per (arrow, forbidden folder), so that each can carry its folder's shared files. */
export const ZONES = ARROWS.flatMap(({ target, from, except, message }) => {
  if (!Array.isArray(from)) return [{ target, from, except, message }];
  return from.map((folder) => {
    const shared = SHARED[folder.slice('./src/'.length)];
    return shared ? { target, from: folder, except: shared, message } : { target, from: folder, message };
  });
});

/**
 * The simulator is a client of the protocol, like a platform: it may import the protocol's
 * schemas, the entry points it drives in process (the server and engine factories, the config
 * they are started with, the API key store for its own key) and core, and nothing that would
 * let it read Warden's state behind the protocol's back.
 */
const SIMULATOR_MAY_USE = {
  events: SHARED.events,
  server: [...SHARED.server, './start-server.ts', './create-app.ts', './api-key-store.ts'],
  engine: ['./create-engine.ts', './ingest-item.ts'],
  config: ['./load-config.ts', './config-schema.ts'],
  // In process the simulator steps the outbox itself, round by round, so a seed repeats exactly.
  actions: ['./webhook-dispatcher.ts'],
};
const SIMULATOR_MAY_NOT = ['alerts', 'audit', 'behaviour', 'bench', 'cases', 'cli', 'console', 'conversations', 'detection'];
SIMULATOR_MAY_NOT.push('facts', 'fault', 'gate', 'ledger', 'media', 'reporting', 'rules', 'store', 'testing');
for (const folder of [...SIMULATOR_MAY_NOT, ...Object.keys(SIMULATOR_MAY_USE)]) {
  const except = SIMULATOR_MAY_USE[folder];
  ZONES.push({
    target: './src/simulator',
    from: `./src/${folder}`,
    ...(except ? { except } : {}),
    message: 'The simulator is a client of the protocol: schemas, the server and engine entry points it drives, and core only.',
  });
}
