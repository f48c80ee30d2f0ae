/**
 * A tiny static server for dist/ on 127.0.0.1 (`npm run preview`, and the browser tests and perf script).
 * Serves `/x` as `/x.html` like a static host would, gzip-compresses text when the client accepts it (so
 * perf measures compressed bytes), and never proxies anything. Like a static host, it compresses each file once
 * (not on every request: DuckDB-Wasm's 34 MB took 0.7 s of a core each time the SQL explorer opened) and answers
 * a browser that asks again for a file it holds with 304 Not Modified (an ETag of the file's size and time).
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { ROOT } from "../../data-loaders/lib/db.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".csv", ".svg", ".arrow", ".wasm"]);

/** Each compressed file, by path, with the size and time of the file it was made from. */
const gzipped = new Map<string, { size: number; mtimeMs: number; body: Buffer }>();

function gzipOnce(file: string, size: number, mtimeMs: number): Buffer {
  const known = gzipped.get(file);
  if (known && known.size === size && known.mtimeMs === mtimeMs) return known.body;
  const body = gzipSync(readFileSync(file));
  gzipped.set(file, { size, mtimeMs, body });
  return body;
}

function resolveFile(dir: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath.split("?")[0] ?? "/")).replace(/^(\.\.[/\\])+/, "");
  const candidates = clean.endsWith("/")
    ? [join(dir, clean, "index.html")]
    : [join(dir, clean), join(dir, `${clean}.html`), join(dir, clean, "index.html")];
  return candidates.find((c) => c.startsWith(dir) && existsSync(c) && statSync(c).isFile());
}

export function serveDist(dir = join(ROOT, "dist"), port = 0): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(dir, "index.html")))
    throw new Error(`${dir} has no index.html: run \`npm run site:build\` first`);
  const server = createServer((req, res) => {
    const file = resolveFile(dir, req.url ?? "/");
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const ext = extname(file);
    const { size, mtimeMs } = statSync(file);
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    // no-cache: the browser asks every time (a rebuilt dist/ is seen at once), and gets 304 when nothing changed.
    const headers: Record<string, string> = {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "cache-control": "no-cache",
      etag: `"${size.toString(36)}-${Math.round(mtimeMs).toString(36)}${gzip ? "-gz" : ""}"`,
      vary: "accept-encoding",
    };
    if (req.headers["if-none-match"] === headers.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    if (gzip) {
      const body = gzipOnce(file, size, mtimeMs);
      res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": String(body.length) }).end(body);
      return;
    }
    res.writeHead(200, { ...headers, "content-length": String(size) });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      resolve({ server, url: `http://127.0.0.1:${actual}` });
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 3000);
  const { url } = await serveDist(join(ROOT, "dist"), port);
  process.stderr.write(`serving dist/ at ${url}/ (Ctrl+C to stop)\n`);
}
