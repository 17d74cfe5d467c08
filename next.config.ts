import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets a second dev server run from the same checkout (e.g. NEXT_DIST_DIR=.next-b).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "nodemailer", "pino", "pino-pretty", "prom-client"],
  poweredByHeader: false,
  // Build files; pages and API routes get the full set from proxy.ts.
  async headers() {
    return [
      {
        source: "/_next/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
