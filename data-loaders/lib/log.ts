/**
 * Progress and summary output on stderr (stdout stays free for data, e.g. in Framework loaders).
 * A step that takes longer than a second shows a ticking line on a terminal and a
 * "still running" line every 10 s elsewhere (CI logs).
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Run `fn` as a named step, reporting its duration. */
  step<T>(name: string, fn: () => Promise<T>): Promise<T>;
  warnings: string[];
}

export function createLogger(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Logger {
  const out = options.stream ?? process.stderr;
  const quiet = options.quiet ?? false;
  const warnings: string[] = [];
  const write = (s: string) => {
    if (!quiet) out.write(s + "\n");
  };
  return {
    warnings,
    info: write,
    warn(message) {
      warnings.push(message);
      write(`warning: ${message}`);
    },
    async step(name, fn) {
      const start = performance.now();
      const tty = !quiet && out.isTTY;
      let timer: NodeJS.Timeout | undefined;
      if (!quiet) {
        timer = setInterval(
          () => {
            const s = ((performance.now() - start) / 1000).toFixed(0);
            if (tty) out.write(`\r  … ${name} (${s} s)`);
            else write(`  … ${name} still running (${s} s)`);
          },
          tty ? 1000 : 10_000,
        );
        timer.unref();
      }
      try {
        const result = await fn();
        const ms = performance.now() - start;
        if (tty) out.write("\r\x1b[K");
        write(`  ✓ ${name} (${ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(1)} s`})`);
        return result;
      } catch (e) {
        if (tty) out.write("\r\x1b[K");
        write(`  ✗ ${name}`);
        throw e;
      } finally {
        if (timer) clearInterval(timer);
      }
    },
  };
}
