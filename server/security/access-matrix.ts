/**
 * The access matrix: what every procedure of `appRouter` and every REST route answers to each caller. One row per
 * procedure, checked by `access-matrix.int.test.ts`, which calls each one as every role, first with the caller's
 * own customer's ids (customer A), then with another customer's (customer B). A procedure without a row fails CI.
 *
 * A row: `r("<own>", input)` or `r("<own> / <other>", input)`. Each outcome string lists six codes, for the callers
 *   signed-out  customer-viewer  customer-admin  analyst  soc-manager  provider-admin
 * ok = allowed (success, or a state error such as CONFLICT: the call got past every access check);
 * U = UNAUTHORIZED, F = FORBIDDEN, NF = NOT_FOUND. Without "/ <other>", another customer's ids give the same answers
 * (staff act on every customer; procedures without ids cannot name another customer).
 * `input(x)` builds the input from one customer's fixture ids (`MatrixIds`), fresh rows where the call consumes them.
 */
export type Outcome = "ok" | "U" | "F" | "NF";
export type MatrixIds = {
  customerId: string;
  slug: string;
  incidentId: string;
  alertId: string;
  sensorId: string;
  contractId: string;
  reportId: string;
  actionId: string;
  taskId: string;
  observableId: string;
  /** A user of this customer, made for the call (remove/changeRole consume them). */
  freshUser: () => Promise<string>;
  /** A contact of this customer, made for the call (remove consumes it). */
  freshContact: () => Promise<string>;
  /** A pending invitation of this customer, made for the call. */
  freshInvitation: () => Promise<string>;
  /** A provider staff member (for staff.*), made for the call. */
  freshStaff: () => Promise<string>;
  /** A provider staff invitation, made for the call. */
  freshStaffInvitation: () => Promise<string>;
  /** An ATT&CK technique listed on the incident, added for the call (remove consumes it). */
  freshTechnique: () => Promise<string>;
  /** An open SLA banner alert id (or a random id when none). */
  bannerId: string;
  uniq: () => string;
};
export type Row = { own: Outcome[]; other: Outcome[]; input?: (x: MatrixIds) => unknown | Promise<unknown> };

export function r(spec: string, input?: Row["input"]): Row {
  const parts = spec.split("/").map((p) => p.trim().split(/\s+/) as Outcome[]);
  const own = parts[0] ?? [];
  const other = parts[1] ?? own;
  if (own.length !== 6 || other.length !== 6) throw new Error(`access matrix: six outcomes needed in "${spec}"`);
  return { own, other, input };
}
export const ROLES = ["signed out", "customer viewer", "customer admin", "analyst", "SOC manager", "provider admin"];

// Shorthands for the common shapes.
const STAFF = "U F F ok ok ok";
const MANAGERS = "U F F F ok ok";
const ADMIN = "U F F F F ok";
const CUSTOMER = "U ok ok F F F";
const CUSTOMER_ADMIN = "U F ok F F F";

const month = "2026-10";
const contact = (x: MatrixIds) => ({
  name: `Matrix ${x.uniq()}`,
  email: `matrix.${x.uniq()}@contact.test`,
  phone: null,
  role: null,
  severities: [],
  channels: [],
  receivesReports: false,
});
const rosterBody = (x: MatrixIds) => ({
  name: `Matrix ${x.uniq()}`,
  timeZone: "Europe/Berlin",
  anchor: "2026-12-07",
  cycleLength: 1,
  slots: [{ id: "day", name: "Day", start: "08:00", end: "16:00" }],
});
const assetCsv = (x: MatrixIds) => `hostname,ip,os,owner,criticality\nmatrix-${x.uniq()},10.0.0.9,Linux,IT,low\n`;
const period = { from: new Date("2026-10-01T00:00:00Z"), to: new Date("2026-11-01T00:00:00Z") };

export const accessMatrix: Record<string, Row> = {
  "me.session": r("U ok ok ok ok ok"),
  "me.branding": r("ok ok ok ok ok ok"),

  "customers.list": r(STAFF),
  "customers.options": r(STAFF, (x) => ({ q: x.slug, id: x.customerId, active: true })),
  "customers.byId": r(STAFF, (x) => ({ customerId: x.customerId })),
  "customers.bySlug": r(STAFF, (x) => ({ slug: x.slug })),
  "customers.create": r(MANAGERS, (x) => ({
    name: `Matrix ${x.uniq()}`,
    slug: `matrix-${x.uniq()}`,
    industry: "Retail",
    country: "DE",
    timezone: "Europe/Berlin",
  })),
  "customers.update": r(MANAGERS, (x) => ({ customerId: x.customerId, patch: { industry: "Retail" } })),
  "customers.contacts": r(STAFF, (x) => ({ customerId: x.customerId })),
  "customers.addContact": r(MANAGERS, (x) => ({ customerId: x.customerId, contact: contact(x) })),
  "customers.updateContact": r(MANAGERS, async (x) => ({
    customerId: x.customerId,
    contactId: await x.freshContact(),
    contact: contact(x),
  })),
  "customers.removeContact": r(MANAGERS, async (x) => ({
    customerId: x.customerId,
    contactId: await x.freshContact(),
  })),

  "customerUsers.list": r(STAFF, (x) => ({ customerId: x.customerId })),
  "customerUsers.invite": r(MANAGERS, (x) => ({
    customerId: x.customerId,
    email: `m.${x.uniq()}@invite.test`,
    role: "viewer",
  })),
  "customerUsers.revokeInvitation": r(MANAGERS, async (x) => ({
    customerId: x.customerId,
    invitationId: await x.freshInvitation(),
  })),
  "customerUsers.remove": r(MANAGERS, async (x) => ({ customerId: x.customerId, userId: await x.freshUser() })),
  "customerUsers.changeRole": r(MANAGERS, async (x) => ({
    customerId: x.customerId,
    userId: await x.freshUser(),
    role: "admin",
  })),

  "staff.list": r(STAFF),
  "staff.invite": r(ADMIN, (x) => ({ email: `s.${x.uniq()}@staff.test`, role: "analyst" })),
  "staff.revokeInvitation": r(ADMIN, async (x) => ({ invitationId: await x.freshStaffInvitation() })),
  "staff.remove": r(ADMIN, async (x) => ({ userId: await x.freshStaff() })),
  "staff.changeRole": r(ADMIN, async (x) => ({ userId: await x.freshStaff(), role: "soc_manager" })),

  "organisation.mine": r(CUSTOMER),
  "organisation.contacts": r(CUSTOMER),
  "organisation.addContact": r(CUSTOMER_ADMIN, (x) => ({ contact: contact(x) })),
  "organisation.updateContact": r(`${CUSTOMER_ADMIN} / U F NF F F F`, async (x) => ({
    contactId: await x.freshContact(),
    contact: contact(x),
  })),
  "organisation.removeContact": r(`${CUSTOMER_ADMIN} / U F NF F F F`, async (x) => ({
    contactId: await x.freshContact(),
  })),

  "team.list": r(CUSTOMER),
  "team.invite": r(CUSTOMER_ADMIN, (x) => ({ email: `t.${x.uniq()}@invite.test`, role: "viewer" })),
  "team.revokeInvitation": r(`${CUSTOMER_ADMIN} / U F NF F F F`, async (x) => ({
    invitationId: await x.freshInvitation(),
  })),
  "team.remove": r(`${CUSTOMER_ADMIN} / U F NF F F F`, async (x) => ({ userId: await x.freshUser() })),
  "team.changeRole": r(`${CUSTOMER_ADMIN} / U F NF F F F`, async (x) => ({
    userId: await x.freshUser(),
    role: "admin",
  })),

  // Public by design: the token is the credential; a wrong one is not found for everyone alike.
  "invitations.byToken": r("NF NF NF NF NF NF", () => ({ token: "x".repeat(43) })),
  "invitations.accept": r("NF NF NF NF NF NF", () => ({
    token: "x".repeat(43),
    name: "Nobody",
    password: "long-enough-1",
  })),

  "audit.list": r(MANAGERS, (x) => ({ customerId: x.customerId })),
  "audit.actions": r(MANAGERS),
  "audit.verify": r(ADMIN),
  "outbox.list": r(MANAGERS, () => ({})),
  "outbox.byId": r("U F F F NF NF", () => ({ id: "00000000-0000-4000-8000-000000000000" })),

  "sensors.all": r(STAFF),
  "sensors.list": r(STAFF, (x) => ({ customerId: x.customerId })),
  "sensors.byId": r(STAFF, (x) => ({ customerId: x.customerId, sensorId: x.sensorId })),
  "sensors.create": r(MANAGERS, (x) => ({
    customerId: x.customerId,
    sensor: { name: `S ${x.uniq()}`, sensorClass: "edr", vendor: "V", product: "P", sourceFormat: "crowdstrike" },
  })),
  "sensors.update": r(MANAGERS, (x) => ({ customerId: x.customerId, sensorId: x.sensorId, patch: { site: "HQ" } })),
  "sensors.rotateKey": r(MANAGERS, (x) => ({ customerId: x.customerId, sensorId: x.sensorId })),
  "sensors.revokeKeys": r(MANAGERS, (x) => ({ customerId: x.customerId, sensorId: x.sensorId })),
  "sensors.setStatus": r(MANAGERS, (x) => ({ customerId: x.customerId, sensorId: x.sensorId, status: "active" })),
  "mySensors.list": r(CUSTOMER),
  "mySensors.byId": r(`${CUSTOMER} / U NF NF F F F`, (x) => ({ sensorId: x.sensorId })),

  "incidents.list": r(STAFF, () => ({})),
  "incidents.byId": r(STAFF, (x) => ({ incidentId: x.incidentId })),
  "incidents.acknowledge": r(STAFF, (x) => ({ incidentId: x.incidentId })),
  "incidents.setStatus": r(STAFF, (x) => ({ incidentId: x.incidentId, to: "investigating" })),
  "incidents.setSeverity": r(STAFF, (x) => ({ incidentId: x.incidentId, severity: 4, reason: "Matrix" })),
  "incidents.assign": r(STAFF, (x) => ({ incidentId: x.incidentId, assigneeId: null })),
  "incidents.update": r(STAFF, (x) => ({ incidentId: x.incidentId, summary: "Matrix" })),
  "incidents.addNote": r(STAFF, (x) => ({ incidentId: x.incidentId, body: "Matrix", visibility: "internal" })),
  "incidents.openToCustomer": r(STAFF, (x) => ({ incidentId: x.incidentId, message: "Matrix" })),
  "incidents.askCustomer": r(STAFF, (x) => ({ incidentId: x.incidentId, message: "Matrix?" })),
  "incidents.addTask": r(STAFF, (x) => ({ incidentId: x.incidentId, title: "Matrix" })),
  "incidents.updateTask": r(STAFF, (x) => ({ incidentId: x.incidentId, taskId: x.taskId, title: "Matrix 2" })),
  "incidents.addObservable": r(STAFF, (x) => ({
    incidentId: x.incidentId,
    kind: "ip",
    value: "192.0.2.1",
    isIoc: true,
  })),
  "incidents.setIoc": r(STAFF, (x) => ({ incidentId: x.incidentId, observableId: x.observableId, isIoc: true })),
  "incidents.addTechnique": r(STAFF, (x) => ({ incidentId: x.incidentId, techniqueId: "T1003" })),
  "incidents.removeTechnique": r(STAFF, async (x) => ({
    incidentId: x.incidentId,
    techniqueId: await x.freshTechnique(),
  })),
  "incidents.requestAction": r(STAFF, (x) => ({
    incidentId: x.incidentId,
    kind: "other",
    target: "Matrix",
    reason: "Matrix",
  })),
  "incidents.markActionExecuted": r(STAFF, (x) => ({ incidentId: x.incidentId, actionId: x.actionId })),
  "incidents.cancelAction": r(STAFF, (x) => ({ incidentId: x.incidentId, actionId: x.actionId })),
  "myIncidents.list": r(CUSTOMER, () => ({})),
  "myIncidents.byId": r(`${CUSTOMER} / U NF NF F F F`, (x) => ({ incidentId: x.incidentId })),
  // Viewers read; commenting is the admin's (incident:comment), refused before any id is looked at.
  "myIncidents.comment": r(`U F ok F F F / U F NF F F F`, (x) => ({ incidentId: x.incidentId, message: "Matrix" })),
  "myIncidents.answer": r(`U F ok F F F / U F NF F F F`, (x) => ({ incidentId: x.incidentId, message: "Matrix" })),
  "myIncidents.decideAction": r(`U F ok F F F / U F NF F F F`, (x) => ({
    incidentId: x.incidentId,
    actionId: x.actionId,
    decision: "declined",
  })),

  "alerts.queue": r(STAFF, () => ({})),
  "alerts.byId": r(STAFF, (x) => ({ alertId: x.alertId })),
  "alerts.acknowledge": r(STAFF, (x) => ({ alertIds: [x.alertId] })),
  "alerts.assign": r(STAFF, (x) => ({ alertIds: [x.alertId], assigneeId: null })),
  "alerts.verdict": r(STAFF, (x) => ({ alertIds: [x.alertId], verdict: "benign", reason: "Matrix test" })),
  "alerts.escalate": r(STAFF, (x) => ({ alertIds: [x.alertId] })),
  "alerts.attach": r(STAFF, (x) => ({ alertIds: [x.alertId], incidentId: x.incidentId })),
  "alerts.openIncidents": r(STAFF, (x) => ({ customerId: x.customerId })),
  "alerts.funnel": r(STAFF, (x) => ({ customerId: x.customerId, ...period })),
  "myAlerts.funnel": r(CUSTOMER, () => period),

  "contracts.list": r(STAFF),
  "contracts.ofCustomer": r(STAFF, (x) => ({ customerId: x.customerId })),
  "contracts.defaults": r(STAFF, () => ({ tier: "mdr", timeZone: "Europe/Berlin", today: "2026-10-01" })),
  "contracts.create": r(MANAGERS, async (x) => ({
    customerId: x.customerId,
    reference: `M-${x.uniq()}`,
    terms: (await import("@/server/contracts/service")).defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
    effectiveFrom: new Date("2026-01-01T00:00:00Z"),
  })),
  "contracts.addVersion": r(MANAGERS, async (x) => ({
    customerId: x.customerId,
    contractId: x.contractId,
    terms: (await import("@/server/contracts/service")).defaultTerms("mdr", "Europe/Berlin", "2026-01-01"),
    effectiveFrom: new Date("2026-09-01T00:00:00Z"),
    note: "Matrix",
  })),
  "myContract.get": r(CUSTOMER),

  "sla.risk": r(STAFF, (x) => ({ customerId: x.customerId })),
  "sla.attainment": r(STAFF, (x) => ({ customerId: x.customerId, search: "a", sort: "worst", page: 1, pageSize: 25 })),
  "sla.breaches": r(STAFF, (x) => ({ customerId: x.customerId, ...period, page: 2, pageSize: 10 })),
  "sla.month": r(STAFF, (x) => ({ customerId: x.customerId, month })),
  "sla.incident": r(STAFF, (x) => ({ incidentId: x.incidentId })),
  "sla.banner": r(STAFF),
  "sla.dismiss": r("U F F NF NF NF", () => ({ clockId: crypto.randomUUID() })),
  "sla.resolve": r("U F F F NF NF", () => ({ clockId: crypto.randomUUID() })),
  "operations.home": r(STAFF, () => ({ timeZone: "Europe/Berlin" })),
  "mySla.month": r(CUSTOMER, () => ({ month })),
  "mySla.incident": r(`${CUSTOMER} / U NF NF F F F`, (x) => ({ incidentId: x.incidentId })),

  "reports.matrix": r(STAFF, () => ({ months: 2, search: "a", sort: "attention", page: 1, pageSize: 25 })),
  "reports.versions": r(STAFF, (x) => ({ customerId: x.customerId, month })),
  "reports.figures": r(STAFF, (x) => ({ customerId: x.customerId, month })),
  "reports.generate": r(MANAGERS, (x) => ({ customerId: x.customerId, month })),
  "reports.generateAll": r(MANAGERS, () => ({ month })),
  "reports.batch": r(STAFF, () => ({})),
  "reports.monthEnd": r(STAFF),
  "reports.file": r(STAFF, (x) => ({ id: x.reportId })),
  "myReports.list": r(CUSTOMER),
  "myReports.file": r(`${CUSTOMER} / U NF NF F F F`, (x) => ({ id: x.reportId })),

  "provider.settings": r(STAFF),
  "provider.updateBranding": r(ADMIN, () => ({
    name: "Test Provider",
    legalName: null,
    primaryColor: "#1d4ed8",
    accentColor: "#0f766e",
    logoSvg: null,
    supportEmail: "soc@provider.test",
  })),

  // Assets and ATT&CK visibility (coverage). byId takes an id no customer owns: NOT_FOUND past the access checks.
  "assets.list": r(STAFF, () => ({})),
  "assets.byId": r("U F F NF NF NF", (x) => ({ customerId: x.customerId, assetId: crypto.randomUUID() })),
  "assets.coverage": r(STAFF, (x) => ({ customerId: x.customerId })),
  "assets.import": r(MANAGERS, (x) => ({ customerId: x.customerId, csv: assetCsv(x) })),
  "myAssets.list": r(CUSTOMER, () => ({})),
  "myAssets.byId": r("U NF NF F F F", () => ({ assetId: crypto.randomUUID() })),
  "myAssets.coverage": r(CUSTOMER),
  "myAssets.import": r(CUSTOMER_ADMIN, (x) => ({ csv: assetCsv(x) })),
  "visibility.heatMap": r(STAFF, (x) => ({ customerId: x.customerId })),
  "visibility.provider": r(STAFF),
  "myVisibility.heatMap": r(CUSTOMER),
  // Monitoring coverage. dismiss/remove take ids that do not exist: NOT_FOUND once past the access checks.
  "coverage.matrix": r(STAFF, () => ({})),
  "coverage.customer": r(STAFF, (x) => ({ customerId: x.customerId })),
  "coverage.banner": r(STAFF),
  "coverage.dismiss": r("U F F NF NF NF", () => ({ id: crypto.randomUUID() })),
  "coverage.unsupportedVersions": r(STAFF),
  "coverage.addUnsupportedVersion": r(MANAGERS, (x) => ({ vendor: "Matrix", product: "Agent", version: x.uniq() })),
  "coverage.removeUnsupportedVersion": r("U F F F NF NF", () => ({ id: crypto.randomUUID() })),
  "myCoverage.summary": r(CUSTOMER),
  // Recommendations, hunts and posture. Ids nobody owns answer NOT_FOUND once past the access checks.
  "recommendations.list": r(STAFF, () => ({})),
  "recommendations.byId": r("U F F NF NF NF", (x) => ({
    customerId: x.customerId,
    recommendationId: crypto.randomUUID(),
  })),
  "recommendations.create": r(STAFF, (x) => ({
    customerId: x.customerId,
    title: `Matrix ${x.uniq()}`,
    body: "Enable multi-factor sign-in for remote access.",
    severity: "low",
    category: "hardening",
  })),
  "recommendations.dismiss": r("U F F NF NF NF", (x) => ({
    customerId: x.customerId,
    recommendationId: crypto.randomUUID(),
    reason: "Not applicable to this customer.",
  })),
  "recommendations.setSeverity": r("U F F NF NF NF", (x) => ({
    customerId: x.customerId,
    recommendationId: crypto.randomUUID(),
    severity: "low",
  })),
  "recommendations.comment": r("U F F NF NF NF", (x) => ({
    customerId: x.customerId,
    recommendationId: crypto.randomUUID(),
    body: "Matrix comment.",
  })),
  "recommendations.bulk": r("U F F NF NF NF", () => ({
    action: "severity",
    ids: [crypto.randomUUID()],
    severity: "low",
  })),
  "myRecommendations.list": r(CUSTOMER, () => ({})),
  "myRecommendations.byId": r("U NF NF F F F", () => ({ recommendationId: crypto.randomUUID() })),
  "myRecommendations.respond": r("U F NF F F F", () => ({ recommendationId: crypto.randomUUID(), action: "accept" })),
  "myRecommendations.comment": r("U F NF F F F", () => ({ recommendationId: crypto.randomUUID(), body: "Matrix." })),
  "hunts.list": r(STAFF, () => ({})),
  "hunts.byId": r("U F F NF NF NF", () => ({ huntId: crypto.randomUUID() })),
  "hunts.create": r(STAFF, (x) => ({
    title: `Matrix hunt ${x.uniq()}`,
    hypothesis: "Credential dumping from LSASS on servers.",
    techniques: ["T1003.001"],
    customerIds: [x.customerId],
    periodFrom: new Date("2026-10-01T00:00:00Z"),
    periodTo: new Date("2026-10-08T00:00:00Z"),
  })),
  "hunts.update": r("U F F NF NF NF", () => ({ huntId: crypto.randomUUID(), effortHours: 2 })),
  "hunts.linkIncident": r("U F F NF NF NF", (x) => ({ huntId: crypto.randomUUID(), incidentId: x.incidentId })),
  "myHunts.list": r(CUSTOMER),
  "posture.overview": r(STAFF),
  "myPosture.summary": r(CUSTOMER),
  // Analyst rosters: provider staff only. Ids nobody owns answer NOT_FOUND once past the access checks.
  "roster.list": r(STAFF),
  "roster.timeline": r(STAFF, () => ({ from: new Date("2026-12-07T00:00:00Z"), to: new Date("2026-12-14T00:00:00Z") })),
  "roster.gaps": r(STAFF),
  "roster.forecast": r(STAFF),
  "roster.onDuty": r(STAFF),
  "roster.mine": r(STAFF),
  "roster.requests": r(MANAGERS),
  "roster.profiles": r(STAFF),
  "roster.policy": r(STAFF),
  "roster.create": r(MANAGERS, (x) => ({ ...rosterBody(x), allowGap: true })),
  "roster.update": r("U F F F NF NF", (x) => ({ ...rosterBody(x), id: crypto.randomUUID(), allowGap: true })),
  "roster.saveTeam": r("U F F F NF NF", () => ({
    rosterId: crypto.randomUUID(),
    name: "Matrix",
    cycle: ["day"],
    members: [],
    allowGap: true,
  })),
  "roster.removeTeam": r("U F F F NF NF", () => ({ id: crypto.randomUUID(), allowGap: true })),
  "roster.override": r(MANAGERS, () => ({
    teamId: crypto.randomUUID(),
    date: "2026-12-08",
    slotId: "day",
    kind: "remove",
    allowGap: true,
  })),
  "roster.saveProfile": r(MANAGERS, () => ({
    userId: `u_${crypto.randomUUID()}`,
    level: 2,
    skills: [],
    languages: [],
  })),
  "roster.updatePolicy": r(ADMIN, () => ({
    minOnDuty: 1,
    handlingMinutes: 12,
    serviceGoal: 0.8,
    maxOccupancy: 0.85,
    shrinkageBp: 3000,
    autoAssign: false,
  })),
  "roster.requestTimeOff": r(STAFF, () => ({
    from: new Date("2027-03-01T00:00:00Z"),
    to: new Date("2027-03-02T00:00:00Z"),
  })),
  "roster.cancelTimeOff": r("U F F NF NF NF", () => ({ id: crypto.randomUUID() })),
  "roster.decideTimeOff": r("U F F F NF NF", () => ({ id: crypto.randomUUID(), approve: true })),
  "roster.requestSwap": r("U F F NF NF NF", () => ({
    mine: { teamId: crypto.randomUUID(), date: "2026-12-08", slotId: "day" },
    counterpartId: `u_${crypto.randomUUID()}`,
    theirs: { teamId: crypto.randomUUID(), date: "2026-12-09", slotId: "day" },
  })),
  "roster.respondSwap": r("U F F NF NF NF", () => ({ id: crypto.randomUUID(), accept: true })),
  "roster.decideSwap": r("U F F F NF NF", () => ({ id: crypto.randomUUID(), approve: true })),
  "roster.rotateCalendar": r(STAFF),
};

/**
 * REST routes (app/api/**\/route.ts) and what they answer; `/api/auth/*` is better-auth's own and `/api/trpc` is the
 * table above. Checked by the same test through the route handlers.
 */
export const restRoutes: Record<string, { method: string; own: string; other: string }> = {
  "/api/ingest/[source]": {
    method: "POST",
    own: "own sensor key: 202; no key: 401",
    other: "key of another format: 403",
  },
  "/api/ingest/heartbeat": { method: "POST", own: "own sensor key: 202; no key: 401", other: "—" },
  "/api/calendar/[file]": {
    method: "GET",
    own: "a staff member's own token: 200 text/calendar; a SOC manager's with ?scope=provider: 200",
    other: "unknown or rotated token: 404; an analyst's token with ?scope=provider: 404",
  },
  "/api/reports/[id]/pdf": {
    method: "GET",
    own: "signed out 401; customer users and staff 200",
    other: "customer users 404 (as a missing id); staff 200",
  },
};
