import { createLruResultCache } from '../runtime/index.js';
import { loadOptionalPackage } from '../tools/index.js';
import { catalogHash } from './catalog-hash.js';
import type {
  AttachedLearningStore,
  AttachLearningStoreOptions,
  LearningStore,
} from './learning-store.js';
import { RedisChannels } from './redis-channels.js';
import type { RedisConnection } from './redis-connection.js';
import { DeferredSingleFlight, RedisSingleFlight } from './redis-single-flight.js';
import { RedisStoreError } from './redis-store-error.js';
import { shareChainLearner, type ChainLearnerEvent } from './share-chain-learner.js';
import { sharePlanCache, type PlanCacheEvent } from './share-plan-cache.js';
import { shareResultCache } from './share-result-cache.js';

export interface RedisStoreOptions {
  /** The server (`redis://[:password@]host[:port][/db]`); or give `client`. */
  url?: string;
  /**
   * An ioredis client to use (and duplicate, for the subscriber connections); it is not closed by
   * `close()`. Instead of `url`.
   */
  client?: unknown;
  /**
   * The application: what is learned is shared between processes of one application only.
   * Keys are `toolplan:{app}:{catalog hash}:…`.
   * @default 'default'
   */
  app?: string;
  /**
   * How long learned state (plan-cache changes, recorded runs, promotion) lives in Redis after
   * its last write. Results live as long as their tool's `ttlMs`.
   * @default 604_800_000 (7 days)
   */
  ttlMs?: number;
  /**
   * Changes kept in Redis per application and catalog (the oldest are trimmed): what a process
   * starting replays.
   * @default 20_000
   */
  maxEvents?: number;
  /**
   * Share calls in flight across processes for these read-only tools (by name): identical calls of
   * one `shareScope` anywhere in the fleet are made once. Only tools whose results any process of
   * the scope may see, and whose calls take long enough to be worth a round trip to Redis.
   * @default { tools: [] } (calls in flight are shared within each process only)
   */
  inFlight?: {
    tools: readonly string[];
    /**
     * How long a process holds a call before another may take it over (renewed while it runs,
     * so only a dead process's lease runs out).
     * @default 10_000
     */
    leaseMs?: number;
  };
}

/**
 * Learned state shared on Redis (`createAgent({ store: redisStore({ url, app }) })`): the plan
 * cache with its promotion, learned chains with theirs, the predictor (rebuilt from the runs)
 * and the result cache, so that one process's learning serves the next query on any other.
 *
 * Each agent's in-memory parts stay its read path — lookups are synchronous and on the hot path
 * — and are kept in step with Redis: on the first run the agent loads what the fleet learned (a
 * Redis stream of changes, replayed); each change it makes is appended to the stream; a reader
 * applies the others' changes as they arrive (milliseconds). Results travel by key and channel
 * (see `shareResultCache`), calls in flight by lease (`RedisSingleFlight`). Everything is
 * namespaced by application and by the tool catalog's hash (`catalogHash`), so a deploy that
 * changes a tool reads nothing stale; results also by `shareScope`; every key has a TTL.
 *
 * Redis unreachable when an agent first runs: that run, and every later one, rejects with a
 * `RedisStoreError` (fail fast: a fleet that silently stops sharing is a fleet that learns ten
 * times slower without anyone noticing). Redis lost later: runs go on with what the process
 * holds, correct but alone, and the failures go to the agent's `onError`; ioredis reconnects.
 *
 * `ioredis` is loaded when the store first connects; it must be installed then.
 */
export function redisStore(options: RedisStoreOptions): LearningStore {
  const problems: string[] = [];
  const { url, client } = options;
  if ((url === undefined) === (client === undefined))
    problems.push('Expected exactly one of `url` and `client`');
  if (url !== undefined && (typeof url !== 'string' || !/^rediss?:\/\//.test(url)))
    problems.push(`Expected \`url\` to be a redis:// or rediss:// URL, got \`${String(url)}\``);
  const app = options.app ?? 'default';
  if (typeof app !== 'string' || !/^[\w.-]+$/.test(app))
    problems.push(
      `Expected \`app\` to be a name of letters, digits, '.', '_' or '-', got \`${String(app)}\``,
    );
  const ttlMs = options.ttlMs ?? 604_800_000;
  const maxEvents = options.maxEvents ?? 20_000;
  const leaseMs = options.inFlight?.leaseMs ?? 10_000;
  for (const [name, value] of Object.entries({ ttlMs, maxEvents, 'inFlight.leaseMs': leaseMs }))
    if (!(Number.isInteger(value) && value > 0))
      problems.push(`Expected \`${name}\` to be a positive integer, got \`${String(value)}\``);
  const inFlightTools = options.inFlight?.tools ?? [];
  if (!Array.isArray(inFlightTools) || inFlightTools.some((name) => typeof name !== 'string'))
    problems.push('Expected `inFlight.tools` to be an array of tool names');
  if (problems.length > 0) throw new TypeError(problems.join('; '));

  const origin = crypto.randomUUID();
  const shownUrl = url === undefined ? undefined : withoutCredentials(url);
  const connections: RedisConnection[] = [];
  /** Connections blocked reading the stream: cut, not quit (a quit would wait for the read). */
  const readers: RedisConnection[] = [];
  const closers: Array<() => void> = [];
  let closed = false;

  const connect = async (): Promise<{ main: RedisConnection; channels: RedisChannels }> => {
    let main: RedisConnection;
    if (client === undefined) {
      const ioredis = await loadOptionalPackage<{
        Redis?: new (url: string, options: object) => RedisConnection;
        default?: new (url: string, options: object) => RedisConnection;
      }>({
        name: 'ioredis',
        neededBy: '`redisStore`',
        remedy: 'Install it: npm install ioredis',
      });
      const Redis = ioredis.Redis ?? ioredis.default;
      if (Redis === undefined) throw new TypeError('ioredis has no Redis client class');
      // Named, so that an operator sees whose connections these are (`CLIENT LIST`).
      main = new Redis(url as string, {
        lazyConnect: true,
        maxRetriesPerRequest: 2,
        connectionName: `toolplan:${app}`,
      });
      connections.push(main);
      const remember = (error: unknown) => {
        lastError = error;
      };
      main.on('error', remember as (...args: never[]) => void);
      main.on('ready', (() => main.off('error', remember as (...args: never[]) => void)) as (
        ...args: never[]
      ) => void);
    } else main = client as RedisConnection;
    const subscriber = main.duplicate();
    connections.push(subscriber);
    // Errors of our own connections surface as failed commands; a given client's are its owner's.
    for (const each of client === undefined ? [main, subscriber] : [subscriber])
      each.on('error', ignore);
    if (main.status === 'wait') await main.connect();
    if (subscriber.status === 'wait') await subscriber.connect();
    return { main, channels: new RedisChannels(subscriber) };
  };
  let connecting: Promise<{ main: RedisConnection; channels: RedisChannels }> | undefined;
  /** ioredis rejects with "Connection is closed."; the socket's error says why. */
  let lastError: unknown;
  const connected = () => {
    connecting ??= connect().catch((cause: unknown) => {
      for (const each of connections) each.disconnect();
      throw new RedisStoreError({
        url: shownUrl,
        operation: 'connect to',
        cause: lastError ?? cause,
      });
    });
    return connecting;
  };

  return {
    attach(attachOptions: AttachLearningStoreOptions): AttachedLearningStore {
      const { tools } = attachOptions;
      // Commands cut off by `close` are not failures anyone needs to hear about.
      const onError = (error: unknown) => {
        if (!closed) attachOptions.onError(error);
      };
      const prefix = `toolplan:${app}:${catalogHash(tools)}:`;
      const stream = `${prefix}learn`;
      const publishQueue: string[] = [];
      let main: RedisConnection | undefined;
      const publish = (event: PlanCacheEvent | ChainLearnerEvent) => {
        const text = JSON.stringify({ o: origin, e: event });
        if (main === undefined) publishQueue.push(text);
        else send(main, text);
      };
      const send = (redis: RedisConnection, text: string) => {
        redis
          .call('XADD', stream, 'MAXLEN', '~', maxEvents, '*', 'd', text)
          .then(() => redis.call('PEXPIRE', stream, ttlMs))
          .catch(onError);
      };
      const plans =
        attachOptions.planCache === undefined
          ? undefined
          : sharePlanCache({ local: attachOptions.planCache, tools, publish });
      const learning =
        attachOptions.learner === undefined
          ? undefined
          : shareChainLearner({ local: attachOptions.learner, publish });
      const apply = (text: string) => {
        // A change that cannot be applied (written by another version, or not by toolplan) is
        // reported and skipped: it must not keep the process from loading the rest.
        try {
          const { o, e } = JSON.parse(text) as {
            o: string;
            e: PlanCacheEvent | ChainLearnerEvent;
          };
          if (o === origin) return;
          if (e.type.startsWith('plan.')) plans?.apply(e as PlanCacheEvent);
          else learning?.apply(e as ChainLearnerEvent);
        } catch (error) {
          onError(error);
        }
      };

      // The cache and the in-flight registry exist at once (the agent's settings hold them);
      // they reach Redis once connected.
      const local = createLruResultCache({ maxEntries: 10_000 });
      let shared: ReturnType<typeof shareResultCache> | undefined;
      const cache: AttachedLearningStore['cache'] = {
        get: (key) => (shared?.cache ?? local).get(key),
        set: (key, value, ttl) => (shared?.cache ?? local).set(key, value, ttl),
        delete: (key) => local.delete(key),
        get size() {
          return local.size;
        },
        stats: () => local.stats(),
      };
      let inFlight: RedisSingleFlight | undefined;
      const inFlightProxy = inFlightTools.length === 0 ? undefined : new DeferredSingleFlight();

      const ready = (async () => {
        const { main: redis, channels } = await connected();
        if (closed)
          throw new RedisStoreError({ url: shownUrl, operation: 'use (closed)', cause: undefined });
        let lastId = '-';
        try {
          // Replay what the fleet learned, page by page, then follow the stream from there.
          for (;;) {
            const page = (await redis.call(
              'XRANGE',
              stream,
              lastId === '-' ? '-' : `(${lastId}`,
              '+',
              'COUNT',
              1000,
            )) as Array<[string, string[]]>;
            for (const [id, fields] of page) {
              lastId = id;
              const text = fields[1];
              if (text !== undefined) apply(text);
            }
            if (page.length < 1000) break;
          }
        } catch (cause) {
          throw new RedisStoreError({ url: shownUrl, operation: 'load from', cause });
        }
        main = redis;
        for (const text of publishQueue.splice(0)) send(redis, text);
        shared = shareResultCache({ local, redis, channels, prefix, origin, onError });
        const unlisten = await shared.ready;
        closers.push(unlisten);
        if (inFlightProxy !== undefined) {
          inFlight = new RedisSingleFlight({
            redis,
            channels,
            prefix,
            tools: inFlightTools,
            leaseMs,
            origin,
            onError,
          });
          inFlightProxy.target = inFlight;
          closers.push(() => inFlight?.close());
        }
        followStream({ redis, stream, from: lastId === '-' ? '0' : lastId, apply, onError });
      })();
      // Awaited by the agent's runs; a failure is theirs to report.
      ready.catch(() => undefined);
      return {
        planCache: plans?.planCache,
        learner: learning?.learner,
        cache,
        inFlight: inFlightProxy,
        ready,
      };
    },
    async close() {
      closed = true;
      for (const close of closers.splice(0)) close();
      for (const reader of readers.splice(0)) reader.disconnect();
      await Promise.all(
        connections.splice(0).map(async (connection) => {
          connection.off('error', ignore);
          connection.on('error', ignore);
          if (connection.status === 'ready') await connection.quit().catch(() => undefined);
          connection.disconnect();
        }),
      );
    },
  };

  /** Applies the other processes' changes as they arrive, on a connection of its own. */
  function followStream(options: {
    redis: RedisConnection;
    stream: string;
    from: string;
    apply: (text: string) => void;
    onError: (error: unknown) => void;
  }) {
    const reader = options.redis.duplicate();
    reader.on('error', ignore);
    readers.push(reader);
    let lastId = options.from;
    let reported = false;
    void (async () => {
      while (!closed) {
        try {
          const reply = (await reader.call(
            'XREAD',
            'COUNT',
            500,
            'BLOCK',
            1000,
            'STREAMS',
            options.stream,
            lastId,
          )) as Array<[string, Array<[string, string[]]>]> | null;
          reported = false;
          for (const [, entries] of reply ?? []) {
            for (const [id, fields] of entries) {
              lastId = id;
              const text = fields[1];
              if (text !== undefined) options.apply(text);
            }
          }
        } catch (error) {
          if (closed) return;
          if (!reported) options.onError(error);
          reported = true;
          await new Promise((resolve) => setTimeout(resolve, 500).unref());
        }
      }
    })();
  }
}

function ignore(): void {}

/** `redis://user:secret@host` → `redis://host`: URLs in errors never carry a password. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'redis://…';
  }
}
