import type { NextConfig } from "next";

// `npm run demo` builds once in a fresh clone (scripts/demo.sh): no build cache to write for a next build (~20 s), and
// no type check of its own (~40 s): the types are checked by `npm run typecheck`, in CI and before every commit.
const oneShot = process.env.WK_ONE_SHOT_BUILD === "1";

const nextConfig: NextConfig = {
  experimental: { turbopackFileSystemCacheForBuild: !oneShot },
  typescript: { ignoreBuildErrors: oneShot },
  // A separate build folder lets a second dev server run from the same checkout (e.g. NEXT_DIST_DIR=.next-b).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "nodemailer", "pino", "pino-pretty", "prom-client"],
  poweredByHeader: false,
  // Addresses that moved: answered with a redirect before any page renders (a page that redirects under a loading
  // boundary would first stream the boundary and then navigate in the browser).
  async redirects() {
    // The portal's sensors list became part of its Coverage page.
    return [{ source: "/portal/sensors", destination: "/portal/coverage", permanent: true }];
  },
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
