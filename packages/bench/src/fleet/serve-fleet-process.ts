import type { FleetChildMessage } from './fleet-messages.js';

/**
 * The child side of a fleet process's protocol with its parent (`startFleetProcess`): the first
 * message, `init`, starts it (`ready`, or `failed` with why); `close` lets it finish what it holds
 * and exit; every other message goes to `onMessage`. A parent gone ends it.
 */
export function serveFleetProcess<Init extends { type: 'init' }, Message, Started>(options: {
  start: (init: Init) => Promise<Started & { close(): Promise<void> }>;
  onMessage?: (started: Started, message: Message) => void;
}): void {
  let started: Promise<Started & { close(): Promise<void> }> | undefined;
  process.on('message', (message: Init | Message | { type: 'close' }) => {
    const { type } = message as { type?: string };
    if (type === 'init') {
      started = options.start(message as Init);
      started.then(
        () => send({ type: 'ready' }),
        (error: unknown) => send({ type: 'failed', message: (error as Error).message }),
      );
      return;
    }
    if (type === 'close') {
      void started
        ?.then((running) => running.close())
        .finally(() => {
          process.disconnect?.();
          process.exit(0);
        });
      return;
    }
    void started?.then((running) => options.onMessage?.(running, message as Message));
  });
  process.on('disconnect', () => process.exit(0));
}

/** Sends the parent a message (nothing when it is gone). */
export function send(message: FleetChildMessage): void {
  process.send?.(message);
}
