import { Info } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import Link from "@/app/_components/ui/link";
import type { SensorClass } from "@/db/schema/sensors";
import type { Deployment } from "@/server/contracts/warnings";
import { CLASS_ARTICLE, CLASS_SHORT } from "./labels";
import { Facts } from "./service-cards";

type Licence = { licensedEndpoints: number; licensedSensors: number; monitoredClasses: readonly SensorClass[] };

/** Connected against covered, phrased as facts; differences point to the account manager. */
export function DeploymentCard({
  deployment,
  terms,
  contact,
}: {
  deployment: Deployment;
  terms: Licence;
  contact: string;
}) {
  const notes: string[] = [];
  const talk = `Talk to ${contact}.`;
  if (deployment.endpoints > terms.licensedEndpoints) {
    notes.push(
      `You have ${deployment.endpoints} endpoints connected; your contract covers ${terms.licensedEndpoints}. ${talk}`,
    );
  }
  if (deployment.activeSensors > terms.licensedSensors) {
    notes.push(
      `You have ${deployment.activeSensors} sensors connected; your contract covers ${terms.licensedSensors}. ${talk}`,
    );
  }
  for (const c of terms.monitoredClasses) {
    if (!deployment.classes.includes(c)) {
      notes.push(
        `Your service includes ${CLASS_SHORT[c]} monitoring, but no ${CLASS_SHORT[c]} sensor is connected yet.`,
      );
    }
  }
  for (const c of deployment.classes as SensorClass[]) {
    if (!terms.monitoredClasses.includes(c)) {
      const article = CLASS_ARTICLE[c] === "an" ? "An" : "A";
      notes.push(
        `${article} ${CLASS_SHORT[c]} sensor is connected, but ${CLASS_SHORT[c]} monitoring is not part of your service. ${talk}`,
      );
    }
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle>Your deployment</CardTitle>
        <CardDescription>What is connected today and what your contract covers.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <Facts
          rows={[
            {
              label: "Endpoints connected",
              value: `${deployment.endpoints} (your contract covers ${terms.licensedEndpoints})`,
            },
            {
              label: "Sensors connected",
              value: `${deployment.activeSensors} (your contract covers ${terms.licensedSensors})`,
            },
          ]}
        />
        {notes.length ? (
          <ul className="grid gap-2 text-sm">
            {notes.map((n) => (
              <li key={n} className="flex items-start gap-2">
                <Info aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-info" />
                {n}
              </li>
            ))}
          </ul>
        ) : null}
        <Link href="/portal/coverage" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          See your sensors
        </Link>
      </CardContent>
    </Card>
  );
}
