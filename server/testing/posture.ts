import type { Db } from "@/db";
import { contracts, contractVersions, customerContacts, sensors } from "@/db/schema";
import type { SensorClass } from "@/db/schema/sensors";

const SLA = { acknowledge: 15, notify: 30, contain: 240, resolve: 1440 };

/** A contract monitoring `classes` from `effectiveFrom`, for posture and recommendation tests. */
export async function giveContract(db: Db, customerId: string, classes: SensorClass[], effectiveFrom = new Date(0)) {
  const [c] = await db
    .insert(contracts)
    .values({ customerId, reference: `T-${Math.random()}` })
    .returning();
  await db.insert(contractVersions).values({
    customerId,
    contractId: c!.id,
    version: 1,
    effectiveFrom,
    tier: "mxdr",
    startDate: "2020-01-01",
    endDate: "2099-12-31",
    autoRenew: true,
    noticeDays: 30,
    licensedEndpoints: 100,
    licensedSensors: 10,
    monitoredClasses: classes,
    coverage: { kind: "24x7" },
    slaTargets: { critical: SLA, high: SLA, medium: SLA, low: SLA },
    pauseOnCustomer: true,
  });
}

export async function giveSensor(
  db: Db,
  customerId: string,
  sensorClass: SensorClass,
  lastHeartbeatAt: Date | null,
  status: "active" | "retired" = "active",
) {
  const [s] = await db
    .insert(sensors)
    .values({
      customerId,
      name: `${sensorClass} sensor ${Math.random().toString(36).slice(2, 6)}`,
      sensorClass,
      vendor: "Test",
      product: "Test",
      sourceFormat: "ocsf",
      status,
      lastHeartbeatAt,
    })
    .returning();
  return s!;
}

export async function giveReportContact(db: Db, customerId: string, email: string) {
  await db.insert(customerContacts).values({ customerId, name: "Report reader", email, receivesReports: true });
}
