// The gate of a process the site build starts ahead of what it needs (scripts/site/build.ts): it waits for "go" on
// stdin, and stdin closed without it means stop. Framework's build waits on it for the loaders' outputs (the hook in
// framework-cache-hooks.mjs), the prerender for the briefings (prerender.ts). Plain JavaScript: Node loads it into
// Framework's own modules, before any TypeScript loader.

/** True once "go" arrives on stdin, false if stdin closes (or fails) without it. */
export function goOnStdin() {
  return new Promise((resolve) => {
    let text = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => {
      text += chunk;
      if (!text.includes("go\n")) return;
      process.stdin.removeAllListeners();
      process.stdin.destroy();
      resolve(true);
    });
    process.stdin.on("end", () => resolve(false));
    process.stdin.on("error", () => resolve(false));
  });
}
