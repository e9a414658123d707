/**
 * Progress on a terminal: one line rewritten in place. Where the stream is not a terminal (CI, a
 * pipe), only lines that say something finished are written, so logs stay short.
 */
export function createProgressLine(stream: NodeJS.WriteStream): {
  update(text: string): void;
  clear(): void;
} {
  let shown = false;
  return {
    update(text) {
      if (stream.isTTY) {
        const width = Math.max(20, (stream.columns ?? 80) - 1);
        stream.write(`\r\u001b[2K${text.slice(0, width)}`);
        shown = true;
      } else if (!/ \d+\/\d+$| …$/.test(text)) {
        stream.write(`${text}\n`);
      }
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
  };
}
