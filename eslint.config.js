// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the code we write.
// Formatting is Prettier's job (npm run format); this catches mistakes, not layout.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    // Outputs, caches, inputs and generated files: not code we write.
    ignores: [
      "node_modules/",
      "dist/",
      "data/",
      "briefings/",
      "bench-data/",
      "test-artifacts/",
      "src/.observablehq/",
      "sources/",
      "test/fixtures/",
      "test/golden/",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // The pipeline, the page loaders (*.md.ts and src/data/), the build scripts, the tests: Node.
    files: ["**/*.ts", "**/*.mjs", "eslint.config.js"],
    languageOptions: { globals: globals.node },
  },
  {
    // Three rules that need the types, for the mistakes the type checker lets through in async code (a DuckDB
    // call or a write not awaited, a promise handed where a callback's result is ignored). Type-aware linting
    // costs about three times the CPU of the rest, so only these rules use it.
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // The site's browser components, run by Observable Framework in the page.
    files: ["src/components/**/*.js"],
    languageOptions: { globals: globals.browser },
  },
);
