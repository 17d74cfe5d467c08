import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", "e2e/**", ".data/**"],
    environment: "node",
    globalSetup: ["./server/testing/global-setup.ts"],
    setupFiles: ["./server/testing/setup-env.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Vitest's default is one fork fewer than the cores: a single fork on a 2-core machine, where the suite spends most
    // of its time in PGlite's WebAssembly and in PostgreSQL, not in the runner. Two forks there take a third off.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    env: {
      TZ: "Asia/Kathmandu",
      NODE_ENV: "test",
      BETTER_AUTH_SECRET: "watchkeeper-test-secret-0123456789abcdefghijkl",
      BETTER_AUTH_URL: "http://localhost:3000",
      STAFF_2FA: "required",
      LOG_LEVEL: "warn",
    },
  },
});
