import { redirect } from "next/navigation";

/** Alerts are browsed in the queue; only single alerts live under /console/alerts. */
export default function AlertsIndex() {
  redirect("/console/queue");
}
