import { redirect } from "next/navigation";

/** The sensors list became part of the Coverage page. */
export default function PortalSensorsPage() {
  redirect("/portal/coverage");
}
