import { type CustomerListParams, customerListInput } from "../_components/customer-list-params";

/** The SLA page's inputs, built the same way on the server (prefetch) and in the browser (queries). */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ATTAINMENT_MONTHS = 6;
/** The attainment grid's orders: worst first is what a manager wants at a thousand customers. */
export const ATTAINMENT_SORTS = ["worst", "name"] as const;
export type AttainmentSort = (typeof ATTAINMENT_SORTS)[number];
export const ATTAINMENT_SORT_OPTIONS = [
  { value: "worst", label: "Worst attainment first" },
  { value: "name", label: "Name (A–Z)" },
] as const;
export const BREACH_DAYS = 30;
export const BREACH_PAGE_SIZE = 25;
/** The breach list's page in the URL (`page` is the attainment grid's). */
export const BREACH_PAGE_PARAM = "breaches";

/** The `customer` query parameter when it is a customer id; anything else means all customers. */
export function readCustomerParam(value: string | null | undefined): string | undefined {
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

/** The breach list's page from the URL: a whole number from 1, else the first page. */
export function readBreachPage(value: string | null | undefined): number {
  const page = Number.parseInt(value ?? "", 10);
  return Number.isFinite(page) && page >= 1 && page <= 10_000 ? page : 1;
}

/**
 * The breach list's period: the last 30 days up to the next full hour. Fixed when the page loads so the server's
 * prefetch and the browser's query share one cache entry.
 */
export function breachWindow(now: Date): { from: Date; to: Date } {
  const to = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  return { from: new Date(to.getTime() - BREACH_DAYS * 86_400_000), to };
}

export function slaInputs(
  customerId: string | undefined,
  period: { from: Date; to: Date },
  list: CustomerListParams<AttainmentSort>,
  breachPage = 1,
) {
  const scope = customerId ? { customerId } : {};
  return {
    risk: scope,
    attainment: { months: ATTAINMENT_MONTHS, ...scope, ...customerListInput(list) },
    breaches: { from: period.from, to: period.to, ...scope, page: breachPage, pageSize: BREACH_PAGE_SIZE },
  };
}
