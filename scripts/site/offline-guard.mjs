// Preloaded (node --import) into Framework's build and its loaders: any attempt to reach the network fails
// loudly with a marker the build wrapper looks for. Framework 1.13 fetches npm: imports from jsDelivr, versions
// from registry.npmjs.org and DuckDB extensions from extensions.duckdb.org when its cache lacks them.
// Plain JavaScript because it must load before any TypeScript loader is registered.
import http from "node:http";
import https from "node:https";

export const MARKER = "OFFLINE-GUARD: refused network request to";

function refuse(target) {
  const message = `${MARKER} ${target}`;
  process.stderr.write(`${message}\n`);
  return new Error(message);
}

globalThis.fetch = async (input) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  throw refuse(url);
};
for (const mod of [http, https]) {
  const isLocal = (options) => {
    const host =
      typeof options === "string"
        ? new URL(options).hostname
        : options instanceof URL
          ? options.hostname
          : (options?.hostname ?? options?.host);
    return host === "127.0.0.1" || host === "localhost" || host === "::1";
  };
  for (const name of ["request", "get"]) {
    const original = mod[name];
    mod[name] = function (options, ...rest) {
      if (!isLocal(options))
        throw refuse(
          typeof options === "string" ? options : String(options?.href ?? options?.hostname ?? options?.host),
        );
      return original.call(this, options, ...rest);
    };
  }
}
