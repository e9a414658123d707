/**
 * How a progress message is shown: `status` only on a terminal (one line rewritten in place);
 * `heartbeat` rewritten in place on a terminal and written as a line elsewhere (CI, a pipe), so a
 * log shows the run is alive; `event` written as a line everywhere (something finished).
 */
export type ProgressKind = 'status' | 'heartbeat' | 'event';

/** Where a command's progress goes (the CLI's progress line). */
export type ProgressReport = (text: string, kind?: ProgressKind) => void;

/** Progress on standard error: one line rewritten in place on a terminal, whole lines elsewhere. */
export function createProgressLine(stream: NodeJS.WriteStream): {
  update(text: string, kind?: ProgressKind): void;
  clear(): void;
} {
  let shown = false;
  const clear = () => {
    if (shown) stream.write('\r\u001b[2K');
    shown = false;
  };
  return {
    update(text, kind = 'status') {
      if (stream.isTTY && kind !== 'event') {
        const width = Math.max(20, (stream.columns ?? 80) - 1);
        stream.write(`\r\u001b[2K${text.slice(0, width)}`);
        shown = true;
      } else if (kind !== 'status') {
        clear();
        stream.write(`${text}\n`);
      }
    },
    clear,
  };
}
