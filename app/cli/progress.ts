/**
 * A one-line progress bar for long command-line work. It draws on stderr so
 * stdout stays clean for output that other programs read, and falls back to
 * occasional plain lines when stderr is not a terminal (CI logs).
 */
export interface ProgressBar {
  update(done: number, total: number): void;
  done(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const width = 30;
  let lastPercent = -1;
  const started = Date.now();
  return {
    update(done, total) {
      const fraction = total === 0 ? 1 : Math.min(1, done / total);
      const percent = Math.floor(fraction * 100);
      if (percent === lastPercent) return;
      lastPercent = percent;
      if (stream.isTTY) {
        const filled = Math.round(fraction * width);
        stream.write(`\r${label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${percent}% (${done}/${total})`);
      } else if (percent % 25 === 0) {
        stream.write(`${label}: ${percent}% (${done}/${total})\n`);
      }
    },
    done() {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(stream.isTTY ? `\n${label}: done in ${seconds}s\n` : `${label}: done in ${seconds}s\n`);
    },
  };
}
