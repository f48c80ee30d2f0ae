/**
 * A tiny static server for dist/ on 127.0.0.1 (`npm run preview`, and the browser tests and perf script).
 * Serves `/x` as `/x.html` like a static host would, gzip-compresses text when the client accepts it (so
 * perf measures compressed bytes), and never proxies anything.
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
    const headers: Record<string, string> = {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "cache-control": "no-cache",
    };
    if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const body = gzipSync(readFileSync(file));
      res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": String(body.length) }).end(body);
      return;
    }
    res.writeHead(200, { ...headers, "content-length": String(statSync(file).size) });
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
