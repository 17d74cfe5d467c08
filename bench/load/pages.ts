/**
 * The pages of the load run and the tRPC batches each one costs, with the inputs the page itself builds (the same
 * helpers as the page where they are pure). Kinds of batch:
 * - `browser`: sent by the browser after hydration, batched as `httpBatchLink` batches the queries that mount
 *   together (checked against Chromium with `capture.ts`; the console frame's banners and "on duty" ride along);
 * - `server`: what the server render reads before the document can stream (`me.session`, branding, the page's
 *   prefetches and direct calls), sent as one batch: the same procedures, the same database work, and what the
 *   browser sends when those queries go stale and refetch together;
 * - `filter`: a filter change in the browser (the queue's filter bar writes the URL with history.replaceState and the
 *   query refetches from the browser).
 */
import { Temporal } from "temporal-polyfill";
import { readCustomerListParams } from "@/app/(console)/console/_components/customer-list-params";
import { readMatrixParams } from "@/app/(console)/console/coverage/matrix-params";
import { POSTURE_SORTS, postureOverviewInput } from "@/app/(console)/console/posture/posture-params";
import { readQueueFilters, toQueueInput } from "@/app/(console)/console/queue/queue-params";
import { REPORT_SORTS, reportMatrixInput } from "@/app/(console)/console/reports/reports-params";
import { ATTAINMENT_SORTS, breachWindow, slaInputs } from "@/app/(console)/console/sla/sla-params";
import { readIncidentFilters, toListInput, WAITING_INPUT } from "@/app/(portal)/portal/incidents/incident-params";
import type { VirtualUser } from "./sessions";
import type { Call } from "./trpc-url";

export type BatchKind = "browser" | "server" | "filter";
export type Batch = { kind: BatchKind; calls: Call[] };
export type PageSpec = { name: string; batches: Batch[] };

const none = () => undefined;
const call = (path: string, input?: unknown, tag?: string): Call => ({ path, input, tag });

/** The console frame's own queries (layout): the SLA and sensor banners and "on duty now". */
const frame = [call("roster.onDuty"), call("sla.banner"), call("coverage.banner")];
const staffServer = [call("me.session"), call("me.branding")];
const customerServer = [call("me.session"), call("me.branding")];

function zoned(now: Date, zone: string) {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(zone);
}

export function consolePages(u: VirtualUser, now: Date): PageSpec[] {
  const queueDefault = toQueueInput(readQueueFilters(none), u.userId);
  const queueByCustomer = toQueueInput(
    readQueueFilters((k) => ({ customer: u.customerId, severity: "4" })[k]),
    u.userId,
  );
  const queueSearch = toQueueInput(
    readQueueFilters((k) => ({ q: "powershell" })[k]),
    u.userId,
  );
  // The pages' first view: no search, the default sort, page 1 (as the URL without parameters reads).
  const sla = slaInputs(undefined, breachWindow(now), readCustomerListParams(none, ATTAINMENT_SORTS));
  const reports = reportMatrixInput(readCustomerListParams(none, REPORT_SORTS));
  const posture = postureOverviewInput(readCustomerListParams(none, POSTURE_SORTS));
  const matrix = readMatrixParams(() => "");
  const weekStart = zoned(now, u.timeZone).startOfDay();
  const from = weekStart.subtract({ days: weekStart.dayOfWeek - 1 }).startOfDay();
  const to = from.add({ days: 7 }).startOfDay();
  return [
    {
      name: "manager's home",
      batches: [
        { kind: "server", calls: [...staffServer] },
        { kind: "browser", calls: [...frame, call("operations.home", { timeZone: u.timeZone })] },
      ],
    },
    {
      name: "queue (default)",
      batches: [
        {
          kind: "server",
          calls: [...staffServer, call("alerts.queue", queueDefault, "default"), call("staff.list")],
        },
        { kind: "browser", calls: [...frame] },
      ],
    },
    {
      name: "queue (filtered)",
      batches: [
        { kind: "filter", calls: [call("alerts.queue", queueByCustomer, "customer, severity ≥ 4")] },
        { kind: "filter", calls: [call("alerts.queue", queueSearch, "search")] },
      ],
    },
    {
      name: "incident workspace",
      batches: [
        {
          kind: "server",
          calls: [...staffServer, call("incidents.byId", { incidentId: u.incidentId }), call("staff.list")],
        },
        { kind: "browser", calls: [...frame] },
        { kind: "browser", calls: [call("sla.incident", { incidentId: u.incidentId })] },
      ],
    },
    {
      name: "SLA",
      batches: [
        {
          kind: "server",
          calls: [
            ...staffServer,
            call("sla.risk", sla.risk),
            call("sla.attainment", sla.attainment),
            call("sla.breaches", sla.breaches),
          ],
        },
        { kind: "browser", calls: [...frame] },
      ],
    },
    {
      name: "coverage matrix",
      batches: [
        { kind: "server", calls: [...staffServer] },
        {
          kind: "browser",
          calls: [
            ...frame,
            call("coverage.matrix", { state: matrix.state, search: matrix.q || undefined, page: matrix.page }),
          ],
        },
      ],
    },
    {
      name: "roster",
      batches: [
        { kind: "server", calls: [...staffServer] },
        {
          kind: "browser",
          calls: [...frame],
        },
        {
          kind: "browser",
          calls: [
            call("roster.timeline", { from: new Date(from.epochMilliseconds), to: new Date(to.epochMilliseconds) }),
            call("roster.gaps"),
            call("roster.forecast"),
            // Only a roster manager's page has the requests section.
            ...(u.role === "manager" ? [call("roster.requests")] : []),
          ],
        },
      ],
    },
    {
      name: "reports matrix",
      batches: [
        {
          kind: "server",
          calls: [...staffServer, call("reports.matrix", reports), call("reports.batch", {})],
        },
        { kind: "browser", calls: [...frame] },
        { kind: "browser", calls: [call("reports.monthEnd")] },
      ],
    },
    {
      name: "posture overview",
      batches: [
        { kind: "server", calls: [...staffServer, call("posture.overview", posture)] },
        { kind: "browser", calls: [...frame] },
      ],
    },
  ];
}

export function portalPages(u: VirtualUser, now: Date): PageSpec[] {
  const z = zoned(now, u.timeZone);
  const monthStart = new Date(z.with({ day: 1 }).startOfDay().epochMilliseconds);
  const month = `${z.year}-${String(z.month).padStart(2, "0")}`;
  return [
    {
      name: "portal home",
      batches: [
        {
          kind: "server",
          calls: [...customerServer, call("organisation.mine"), call("organisation.contacts"), call("team.list")],
        },
        {
          kind: "browser",
          calls: [
            call("myPosture.summary"),
            call("myAlerts.funnel", {
              from: monthStart,
              to: now > monthStart ? now : new Date(monthStart.getTime() + 1),
            }),
            call("myIncidents.list", { status: "open", page: 1 }, "open"),
            call("myIncidents.list", { status: "waiting_on_customer", page: 1 }, "waiting"),
            call("mySla.month", { month }),
          ],
        },
      ],
    },
    {
      name: "portal incidents",
      batches: [
        {
          kind: "server",
          calls: [
            ...customerServer,
            call("myIncidents.list", toListInput(readIncidentFilters(none)), "all"),
            call("myIncidents.list", WAITING_INPUT, "waiting"),
          ],
        },
      ],
    },
    { name: "portal SLA", batches: [{ kind: "server", calls: [...customerServer, call("myContract.get")] }] },
    { name: "portal coverage", batches: [{ kind: "server", calls: [...customerServer, call("myCoverage.summary")] }] },
    { name: "portal reports", batches: [{ kind: "server", calls: [...customerServer, call("myReports.list")] }] },
  ];
}

/** Which pages each kind of user opens, in the order they cycle through them. */
export function pagesOf(u: VirtualUser, now: Date): PageSpec[] {
  if (u.role === "customer") return portalPages(u, now);
  const all = consolePages(u, now);
  if (u.role === "manager") return all;
  // Analysts live in the queue and the incidents; they look at SLA, coverage and the roster too, not the reports.
  const by = new Map(all.map((p) => [p.name, p]));
  return [
    "queue (default)",
    "queue (filtered)",
    "incident workspace",
    "queue (default)",
    "SLA",
    "coverage matrix",
    "roster",
  ].map((n) => by.get(n)!);
}
