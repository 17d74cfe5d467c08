import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets a second dev server run from the same checkout (e.g. NEXT_DIST_DIR=.next-b).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "nodemailer", "pino", "pino-pretty", "prom-client"],
  poweredByHeader: false,
};

export default nextConfig;
