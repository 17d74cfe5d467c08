import { isHealth, isSensorClass } from "./sensor-labels";

/** The sensor list's filters as they appear in the URL. */
export type SensorFilters = { customer: string; class: string; health: string; q: string };
export const NO_FILTERS: SensorFilters = { customer: "", class: "", health: "", q: "" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

export function readSensorFilters(get: (key: string) => string | null | undefined): SensorFilters {
  const value = (key: string) => (get(key) ?? "").trim();
  const customer = value("customer");
  const cls = value("class");
  const health = value("health");
  return {
    customer: isUuid(customer) ? customer : "",
    class: isSensorClass(cls) ? cls : "",
    health: isHealth(health) ? health : "",
    q: value("q").slice(0, 120),
  };
}

export const hasSensorFilters = (f: SensorFilters) => Boolean(f.customer || f.class || f.health || f.q);

/** The detail page's address; the customer id rides along because staff sensor calls are per customer. */
export const sensorHref = (s: { id: string; customerId: string }) =>
  `/console/sensors/${s.id}?customer=${encodeURIComponent(s.customerId)}`;
