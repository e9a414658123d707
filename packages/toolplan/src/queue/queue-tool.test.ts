import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { executePlan } from '../runtime/index.js';
import type { Tool, ToolExecutionContext } from '../tools/index.js';
import { loadQueuePackages, type QueuePackages, type RedisClient } from './load-queue-packages.js';
import { queueFixtureWorkerOptions } from './queue-fixture-worker-options.test-utils.js';
import { fixtureCounters, fixtureTools } from './queue-fixture-tools.test-utils.js';
import { queueJobId } from './queue-job-id.js';
import { createQueuedFixtureAgent } from './queued-fixture-agent.test-utils.js';
import { queueTool, queueTools, type QueueToolOptions } from './queue-tool.js';
import { QueueConnectionError } from './queue-connection-error.js';
import { QueuedCallError } from './queued-call-error.js';
import { toRedisOptions } from './redis-connection.js';
import {
  DELETE_PREFIX_SCRIPT,
  redisReachable,
  redisRequired,
  TEST_REDIS_URL,
  uniquePrefix,
  waitFor,
} from './redis-test-server.test-utils.js';
import { startToolWorker, type ToolWorker } from './start-tool-worker.js';
import { WORKER_DIED_REASON, WorkerDiedError } from './worker-died-error.js';

const reachable = await redisReachable();
if (!reachable && !redisRequired) {
  process.stderr.write(
    `skipping the queue tests: no Redis at ${TEST_REDIS_URL} (set TOOLPLAN_TEST_REDIS_URL, or start redis-server)\n`,
  );
}

const QUEUE = 'tools';

describe('queueTool options', () => {
  const tool = {
    name: 't',
    description: '',
    inputSchema: {
      jsonSchema: { type: 'object' },
      validate: (value: unknown) => ({ success: true, value }),
    },
    execute: () => 1,
  } as unknown as Tool;
  it.each([
    [{}, /needs a `connection`/],
    [{ connection: 'http://x' }, /redis:\/\/ URL/],
    [{ connection: { port: 0 } }, /`connection.port`/],
    [{ connection: 'redis://h', queueName: 'a b' }, /`queueName`/],
    [{ connection: 'redis://h', keepJobsMs: 0 }, /`keepJobsMs` to be a positive integer, got `0`/],
    [{ connection: 'redis://h', keepJobsMs: 10, idempotencyTtlMs: 10 }, /longer than `keepJobsMs`/],
    [{ connection: 'redis://h', timeoutMs: 5 }, /has no option `timeoutMs`/],
    [{ connection: 'redis://h', jobTimeoutMs: 0 }, /`jobTimeoutMs` to be a positive integer/],
  ])('rejects %j', (options, message) => {
    expect(() => queueTool(tool, options as QueueToolOptions)).toThrow(message);
  });

  it('fails with QueueConnectionError when Redis does not answer, leaving nothing open', async () => {
    const before = openHandles();
    const unreachable = { connection: 'redis://127.0.0.1:1', connectTimeoutMs: 200 };
    const worker = await failureOf(() => startToolWorker({ ...unreachable, tools: [tool] }));
    expect(QueueConnectionError.isInstance(worker)).toBe(true);
    const queued = queueTool(tool, unreachable);
    const call = await failureOf(() => queued.execute({}, unitContext('r:s')));
    expect(call).toMatchObject({ name: 'QueueConnectionError', host: '127.0.0.1', port: 1 });
    await queued.close();
    await waitFor('connections to close', async () => openHandles() <= before);
  });

  it('rejects an empty list of tools', () => {
    expect(() => queueTools([], { connection: 'redis://h' })).toThrow(/non-empty array/);
  });

  it('keeps the name, schema and annotations of the tool, not its batch; connects on the first call only', async () => {
    const batched = {
      ...tool,
      readOnly: true,
      timeoutMs: 50,
      batch: () => [],
      maxBatchSize: 3,
    } as unknown as Tool;
    // Nothing listens there: a connection attempt would fail the call, not the definition.
    const queued = queueTool(batched, { connection: 'redis://127.0.0.1:1' });
    expect(queued).toMatchObject({ name: 't', readOnly: true, timeoutMs: 50 });
    expect(queued.inputSchema).toBe(batched.inputSchema);
    expect('batch' in queued || 'maxBatchSize' in queued).toBe(false);
    await queued.close();
  });
});

describe.skipIf(!reachable && !redisRequired)('tools on queue workers (real Redis)', () => {
  let packages: QueuePackages;
  let redis: RedisClient;
  let prefix: string;
  let counters: ReturnType<typeof fixtureCounters>;
  let children: ChildProcess[];
  let workers: ToolWorker[];
  let queued: { close(): Promise<void> }[];
  let handlesBefore: number;

  beforeAll(async () => {
    if (!reachable) throw new Error(`Redis is unreachable at ${TEST_REDIS_URL} (CI is set)`);
    packages = await loadQueuePackages('the queue tests');
  });

  beforeEach(() => {
    handlesBefore = openHandles();
    prefix = uniquePrefix();
    redis = packages.createRedis(toRedisOptions(TEST_REDIS_URL));
    counters = fixtureCounters(redis, prefix);
    children = [];
    workers = [];
    queued = [];
  });

  afterEach(async () => {
    await Promise.all(queued.map((tool) => tool.close()));
    await Promise.all(workers.map((worker) => worker.close()));
    await Promise.all(children.map(stopChild));
    await redis.eval(DELETE_PREFIX_SCRIPT, 0, prefix);
    // Nothing wrote after everything closed: the prefix stays empty.
    expect(await redis.eval(DELETE_PREFIX_SCRIPT, 0, prefix)).toBe(0);
    await redis.quit();
    // Every connection and child process the test opened is gone.
    await waitFor('connections and processes to close', async () => openHandles() <= handlesBefore);
  }, 30_000);

  /** The fixture tools, queued; `options` apply to every one. */
  function queuedTools(options: Partial<QueueToolOptions> = {}): Record<string, Tool> {
    const { tools, close } = queueTools(fixtureTools(redis, prefix), {
      connection: TEST_REDIS_URL,
      prefix,
      queueName: QUEUE,
      ...options,
    });
    queued.push({ close });
    return Object.fromEntries(tools.map((tool) => [tool.name, tool]));
  }

  async function inProcessWorker(): Promise<ToolWorker> {
    const worker = await startToolWorker({
      ...queueFixtureWorkerOptions(TEST_REDIS_URL, prefix, QUEUE),
      tools: fixtureTools(redis, prefix),
    });
    workers.push(worker);
    return worker;
  }

  function spawnScript(file: string, env: Record<string, string>): ChildProcess {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))],
      {
        env: { ...process.env, TEST_REDIS_URL, TEST_PREFIX: prefix, TEST_QUEUE: QUEUE, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    return child;
  }

  /** A worker in its own process, once it takes jobs. */
  async function workerProcess(): Promise<ChildProcess> {
    const child = spawnScript('./tool-worker-process.test-utils.ts', {});
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (data: Buffer) => {
        if (data.toString().includes('ready')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`The worker process exited (${code})`)));
    });
    return child;
  }

  function context(key: string, signal = new AbortController().signal): ToolExecutionContext {
    const [runId = '', stepId = ''] = key.split(':');
    return {
      signal,
      abortSignal: signal,
      runId,
      stepId,
      toolCallId: key,
      attempt: 1,
      idempotencyKey: key,
      messages: [],
    };
  }

  it('runs a plan whose steps run in parallel on a worker process', async () => {
    await workerProcess();
    const tools = queuedTools();
    const result = await executePlan(
      {
        steps: [
          { id: 'a', tool: 'meet', args: { n: 3, who: 'a' } },
          { id: 'b', tool: 'meet', args: { n: 3, who: 'b' } },
          { id: 'c', tool: 'meet', args: { n: 3, who: 'c' } },
          { id: 'mail', tool: 'send_email', args: { to: '$a.met' } },
          { id: 'each', tool: 'send_email', forEach: ['p', 'q'], args: { to: '$item' } },
        ],
      },
      Object.values(tools),
      { runId: 'run1', policy: () => 'allow' },
    );
    expect(result.status).toBe('ok');
    // `meet` returns only once three calls of it run at once: they ran in parallel.
    expect(result.results).toEqual({
      a: { met: 'a' },
      b: { met: 'b' },
      c: { met: 'c' },
      mail: { sent: 'a', idempotencyKey: 'run1:mail' },
      each: [
        { sent: 'p', idempotencyKey: 'run1:each:0' },
        { sent: 'q', idempotencyKey: 'run1:each:1' },
      ],
    });
    for (const key of ['run1:mail', 'run1:each:0', 'run1:each:1']) {
      expect(await counters.read('runs', key)).toBe(1);
    }
  }, 30_000);

  it('runs a side effect once for one key: twice at once, again later, and after its job was removed', async () => {
    await inProcessWorker();
    const { send_email: sendEmail } = queuedTools();
    const send = sendEmail as Tool;
    const key = 'run2:mail';
    const [first, second] = await Promise.all([
      send.execute({ to: 'x' }, context(key)),
      send.execute({ to: 'x' }, context(key)),
    ]);
    expect(first).toEqual({ sent: 'x', idempotencyKey: key });
    expect(second).toEqual(first);
    expect(await send.execute({ to: 'x' }, context(key))).toEqual(first);
    // BullMQ forgets finished jobs (`keepJobsMs`); the idempotency record outlives them.
    const queue = packages.createQueue(QUEUE, {
      connection: toRedisOptions(TEST_REDIS_URL),
      prefix,
    });
    expect(await queue.remove(queueJobId(key))).toBe(1);
    expect(await queue.getJob(queueJobId(key))).toBeUndefined();
    expect(await send.execute({ to: 'x' }, context(key))).toEqual(first);
    expect(await queue.getJob(queueJobId(key))).toBeUndefined();
    await queue.close();
    expect(await counters.read('runs', key)).toBe(1);
  }, 30_000);

  it('a failed call of an idempotent tool is retried by the run as a new job', async () => {
    await inProcessWorker();
    const result = await executePlan(
      { steps: [{ id: 'f', tool: 'flaky', args: {} }] },
      Object.values(queuedTools()),
      { runId: 'run10', retry: { initialDelayMs: 1 } },
    );
    expect(result.steps[0]).toMatchObject({ status: 'ok', value: { attempt: 2 }, attempts: 2 });
    expect(await counters.read('runs', 'run10:f')).toBe(2);
  }, 30_000);

  it('a call whose enqueue was lost (its caller died after recording it) runs on a repeat', async () => {
    await inProcessWorker();
    const { send_email: send } = queuedTools();
    const key = 'run11:mail';
    await redis.set(`${prefix}:${QUEUE}:toolplan-record:${queueJobId(key)}`, '{"state":"queued"}');
    expect(await (send as Tool).execute({ to: 'y' }, context(key))).toEqual({
      sent: 'y',
      idempotencyKey: key,
    });
    expect(await counters.read('runs', key)).toBe(1);
  }, 30_000);

  it('carries a failure back as data', async () => {
    await inProcessWorker();
    const { fail } = queuedTools();
    const error = await failureOf(() => (fail as Tool).execute({}, context('run3:f')));
    expect(QueuedCallError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ remoteName: 'RangeError', reason: 'no such record' });
  }, 30_000);

  it('cancels the call on its worker when the run is cancelled', async () => {
    await workerProcess();
    const { wait_for_abort: waitForAbort } = queuedTools();
    const controller = new AbortController();
    const key = 'run4:w';
    const call = (waitForAbort as Tool).execute({}, context(key, controller.signal));
    await waitFor('the call to start', async () => (await counters.read('runs', key)) === 1);
    controller.abort(new Error('the user went away'));
    await expect(call).rejects.toThrow('the user went away');
    // The tool on the worker saw its signal aborted.
    await waitFor(
      'the worker to abort the call',
      async () => (await counters.read('aborted', key)) === 1,
    );
  }, 30_000);

  it('a plan step times out: the worker aborts the call', async () => {
    await inProcessWorker();
    const tools = queuedTools();
    // Connected and warm, so that the call reaches the worker well within its time-out.
    await (tools['meet'] as Tool).execute({ n: 1, who: 'warm-up' }, context('run5:warm'));
    const result = await executePlan(
      { steps: [{ id: 'w', tool: 'wait_for_abort', args: {} }] },
      [{ ...(tools['wait_for_abort'] as Tool), timeoutMs: 1500 }],
      { runId: 'run5', retry: { maxRetries: 0 } },
    );
    expect(result.steps[0]).toMatchObject({ status: 'error' });
    expect(result.steps[0]?.error?.name).toBe('StepTimeoutError');
    await waitFor(
      'the worker to abort the call',
      async () => (await counters.read('aborted', 'run5:w')) === 1,
    );
  }, 30_000);

  it('the worker enforces `jobTimeoutMs` itself', async () => {
    await inProcessWorker();
    const { wait_for_abort: waitForAbort } = queuedTools({ jobTimeoutMs: 300 });
    const error = await failureOf(() => (waitForAbort as Tool).execute({}, context('run6:w')));
    expect(error).toMatchObject({ name: 'QueuedCallError', remoteName: 'AbortError' });
    expect((error as QueuedCallError).reason).toMatch(/timed out after 300 ms on its worker/);
    expect(await counters.read('aborted', 'run6:w')).toBe(1);
  }, 30_000);

  it('kill -9 of the worker mid-job: an idempotent call is retried by another worker and completes once', async () => {
    const doomed = await workerProcess();
    const { charge_card: charge } = queuedTools();
    const key = 'run7:charge';
    const call = (charge as Tool).execute({ to: 'acct', hold: true }, context(key));
    await waitFor('the call to start', async () => (await counters.read('runs', key)) === 1);
    doomed.kill('SIGKILL');
    await inProcessWorker();
    await redis.set(counters.releaseKey, '1');
    expect(await call).toEqual({ sent: 'acct', idempotencyKey: key });
    expect(await counters.read('runs', key)).toBe(2);
    expect(await counters.read('completions', key)).toBe(1);
  }, 30_000);

  it('kill -9 of the worker mid-job: a call with side effects is reported failed, never run twice', async () => {
    const doomed = await workerProcess();
    const tools = queuedTools();
    const run = executePlan(
      { steps: [{ id: 'mail', tool: 'send_email', args: { to: 'bob', hold: true } }] },
      Object.values(tools),
      { runId: 'run8', policy: () => 'allow' },
    );
    await waitFor(
      'the call to start',
      async () => (await counters.read('runs', 'run8:mail')) === 1,
    );
    doomed.kill('SIGKILL');
    await inProcessWorker();
    await redis.set(counters.releaseKey, '1');
    const result = await run;
    expect(result.steps[0]?.status).toBe('error');
    const cause = result.steps[0]?.error?.cause;
    expect(WorkerDiedError.isInstance(cause)).toBe(true);
    expect(result.steps[0]?.error?.message).toContain(WORKER_DIED_REASON);
    // A repeat of the run gets the same report and runs nothing.
    const again = await executePlan(
      { steps: [{ id: 'mail', tool: 'send_email', args: { to: 'bob', hold: true } }] },
      Object.values(tools),
      { runId: 'run8', policy: () => 'allow' },
    );
    expect(WorkerDiedError.isInstance(again.steps[0]?.error?.cause)).toBe(true);
    expect(await counters.read('runs', 'run8:mail')).toBe(1);
    expect(await counters.read('completions', 'run8:mail')).toBe(0);
  }, 30_000);

  it('an agent killed mid-run and retried with the same run id does not repeat the side effect', async () => {
    await inProcessWorker();
    const plan = JSON.stringify({
      steps: [{ id: 'mail', tool: 'send_email', args: { to: 'ann', hold: true } }],
      answer: 'Sent to ${mail.sent}',
    });
    const agent = spawnScript('./agent-process.test-utils.ts', {
      TEST_RUN_ID: 'run9',
      TEST_PLAN: plan,
    });
    await waitFor(
      'the call to start',
      async () => (await counters.read('runs', 'run9:mail')) === 1,
    );
    agent.kill('SIGKILL');
    // The retried run (another process's agent: nothing of the first run's memory) finds the
    // call in flight and waits for it.
    const location = { url: TEST_REDIS_URL, prefix, queueName: QUEUE, plan };
    const retry = await createQueuedFixtureAgent(location);
    queued.push(retry);
    const retried = retry.run('Send the e-mail', { runId: 'run9' });
    await redis.set(counters.releaseKey, '1');
    expect(await retried).toMatchObject({
      answer: 'Sent to ann',
      results: { mail: { sent: 'ann', idempotencyKey: 'run9:mail' } },
    });
    // Retried once more, after the call finished: its recorded result, nothing run.
    const late = await createQueuedFixtureAgent(location);
    queued.push(late);
    expect(await late.run('Send the e-mail', { runId: 'run9' })).toMatchObject({
      answer: 'Sent to ann',
    });
    expect(await counters.read('runs', 'run9:mail')).toBe(1);
    expect(await counters.read('completions', 'run9:mail')).toBe(1);
  }, 30_000);
});

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

async function failureOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error('Expected the call to fail');
}

/** This process's open sockets and child processes. */
function openHandles(): number {
  return process
    .getActiveResourcesInfo()
    .filter((kind) => kind === 'TCPSocketWrap' || kind === 'ProcessWrap').length;
}

function unitContext(key: string): ToolExecutionContext {
  const signal = new AbortController().signal;
  return {
    signal,
    abortSignal: signal,
    runId: 'r',
    stepId: 's',
    toolCallId: key,
    attempt: 1,
    idempotencyKey: key,
    messages: [],
  };
}
