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
