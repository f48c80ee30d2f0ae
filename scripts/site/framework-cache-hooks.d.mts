// Types of the module hook in framework-cache-hooks.mjs (plain JavaScript: Node loads it before any
// TypeScript loader), for the tests that call it.
export function load(
  url: string,
  context: object,
  nextLoad: (url: string, context: object) => Promise<{ format: string; source: string | Uint8Array }>,
): Promise<{ format: string; source: string }>;
