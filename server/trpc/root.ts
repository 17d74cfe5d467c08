import { alertsRouter, myAlertsRouter } from "@/server/alerts/router";
import { assetsRouter, myAssetsRouter } from "@/server/assets/router";
import { auditRouter } from "@/server/audit/router";
import { meRouter } from "@/server/auth/router";
import { contractsRouter, myContractRouter } from "@/server/contracts/router";
import { coverageRouter, myCoverageRouter } from "@/server/coverage/router";
import { customersRouter, organisationRouter } from "@/server/customers/router";
import { outboxRouter } from "@/server/email/router";
import { huntsRouter, myHuntsRouter } from "@/server/hunts/router";
import { myIncidentsRouter } from "@/server/incidents/portal/router";
import { incidentsRouter } from "@/server/incidents/router";
import { operationsRouter } from "@/server/operations/router";
import { myPostureRouter, postureRouter } from "@/server/posture/router";
import { providerRouter } from "@/server/provider/router";
import { myRecommendationsRouter, recommendationsRouter } from "@/server/recommendations/router";
import { myReportsRouter, reportsRouter } from "@/server/reports/router";
import { rosterRouter } from "@/server/roster/router";
import { mySensorsRouter, sensorsRouter } from "@/server/sensors/router";
import { mySlaRouter, slaRouter } from "@/server/sla/router";
import { customerUsersRouter, invitationsRouter, staffRouter, teamRouter } from "@/server/users/router";
import { myVisibilityRouter, visibilityRouter } from "@/server/visibility/router";
import { createCallerFactory, createTRPCRouter } from "./init";

export const appRouter = createTRPCRouter({
  me: meRouter,
  customers: customersRouter,
  customerUsers: customerUsersRouter,
  staff: staffRouter,
  organisation: organisationRouter,
  team: teamRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  outbox: outboxRouter,
  sensors: sensorsRouter,
  mySensors: mySensorsRouter,
  incidents: incidentsRouter,
  myIncidents: myIncidentsRouter,
  alerts: alertsRouter,
  myAlerts: myAlertsRouter,
  contracts: contractsRouter,
  myContract: myContractRouter,
  sla: slaRouter,
  mySla: mySlaRouter,
  reports: reportsRouter,
  myReports: myReportsRouter,
  provider: providerRouter,
  assets: assetsRouter,
  myAssets: myAssetsRouter,
  visibility: visibilityRouter,
  myVisibility: myVisibilityRouter,
  coverage: coverageRouter,
  myCoverage: myCoverageRouter,
  operations: operationsRouter,
  recommendations: recommendationsRouter,
  myRecommendations: myRecommendationsRouter,
  hunts: huntsRouter,
  myHunts: myHuntsRouter,
  posture: postureRouter,
  myPosture: myPostureRouter,
  roster: rosterRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
