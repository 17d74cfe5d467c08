/**
 * The layering of docs/architecture.md, checked by `npm run lint` (dependency-cruiser; CI runs lint).
 * - no runtime cycles between files;
 * - `server/` (and `lib/`, `db/`, `emails/`) never import `app/`; `lib/` imports neither `app/` nor `server/`;
 * - a domain reaches another domain's `queries.ts` only through that domain's service or a declared shared read.
 */

/** Shared reads: query modules any domain may read (listed in docs/architecture.md, "Layering"). */
const SHARED_READS = [
  // The membership and customer-existence checks of the procedure ladder and the services' staff checks.
  "^server/tenancy/queries\\.ts$",
  // The provider's name, branding and settings: every e-mail and the PDF carry them.
  "^server/provider/queries\\.ts$",
  // A customer's name, slug and time zone (findCustomer): every customer-facing text and zone conversion needs them.
  "^server/customers/queries\\.ts$",
  // The provider-wide intake per quarter hour: the manager's home and the roster's forecast count the same alerts.
  "^server/intake-stats/queries\\.ts$",
];

/**
 * Known reaches into another domain's queries, allowed file by file until they go through a service. Each says why
 * it is tolerated; a new one fails lint. Prefer exposing the read through the owner's service over adding here.
 */
const ALLOWED_FOREIGN_QUERIES = {
  // The monthly report model reads each domain's figures with the very queries its pages use (one number, one truth).
  "^server/reports/model/": ["alerts", "contracts", "hunts", "recommendations"],
  // The contract in force decides the SLA targets and the auto-assignee of a new incident.
  "^server/sla/service\\.ts$": ["contracts"],
  "^server/alerts/service\\.ts$": ["contracts", "incidents"], // escalate/attach write incidents in the alert's transaction
  "^server/sla/views\\.ts$": ["incidents"], // the SLA pages list the incidents behind the clocks
  "^server/trpc/init\\.ts$": ["incidents"], // staffCustomerProcedure resolves an incident id to its customer
  // Intake correlates alerts into incidents and checks sensor keys in the intake transaction (server/ingest).
  "^server/ingest/": ["incidents", "sensors"],
  // Sensor health and the posture facts read the provider's unsupported agent versions and the asset counts.
  "^server/sensors/service\\.ts$": ["coverage"],
  "^server/recommendations/coverage-facts\\.ts$": ["coverage", "assets"],
  "^server/posture/service\\.ts$": ["recommendations"], // the score reads the open recommendations
  // Report e-mails attach the stored PDF; the admin CLI prints report versions.
  "^server/email/send\\.ts$": ["reports"],
  "^server/admin/cli\\.ts$": ["reports"],
  // Checkpoints and report deliveries e-mail the provider admins / report contacts.
  "^server/audit/checkpoint\\.ts$": ["users"],
  "^server/reports/service\\.ts$": ["users"],
  "^server/security/.*\\.int\\.test\\.ts$": ["users"], // a test sets up lockouts through the user rows
};

const FOREIGN_QUERIES = "^server/([^/]+)/queries(\\.ts$|/)";
const allowedFrom = Object.keys(ALLOWED_FOREIGN_QUERIES);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No cycles between files at run time (a type-only back-reference is erased by the compiler).",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "server-not-app",
      severity: "error",
      comment: "server/, lib/, db/ and emails/ never import app/ (shared formatting lives in lib/).",
      from: { path: "^(server|lib|db|emails)/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-is-shared",
      severity: "error",
      comment: "lib/ is imported by both server and UI, so it imports neither.",
      from: { path: "^lib/" },
      to: { path: "^(app|server)/" },
    },
    {
      name: "no-foreign-queries",
      severity: "error",
      comment: "Another domain's queries.ts only through its service, or a shared read (SHARED_READS).",
      from: { path: "^server/([^/]+)/", pathNot: allowedFrom },
      to: { path: FOREIGN_QUERIES, pathNot: ["^server/$1/", ...SHARED_READS] },
    },
    ...Object.entries(ALLOWED_FOREIGN_QUERIES).map(([from, domains]) => ({
      name: "no-foreign-queries",
      severity: "error",
      comment: "Allow-listed file: only its own domain, the shared reads and the domains it is listed with.",
      from: { path: from },
      to: {
        path: FOREIGN_QUERIES,
        pathNot: [`^server/${from.split("/")[1]}/`, ...domains.map((d) => `^server/${d}/`), ...SHARED_READS],
      },
    })),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|\\.data|db/migrations)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
  },
};
