import { type CustomerListParams, customerListInput } from "../_components/customer-list-params";
import { MATRIX_MONTHS } from "./report-labels";

/** The report matrix's inputs, built the same way on the server (prefetch), in the browser and by the load tool. */
export const REPORT_SORTS = ["name", "attention"] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
export const REPORT_SORT_OPTIONS = [
  { value: "name", label: "Name (A–Z)" },
  { value: "attention", label: "Missing or failed first" },
] as const;

export const reportMatrixInput = (list: CustomerListParams<ReportSort>) => ({
  months: MATRIX_MONTHS,
  ...customerListInput(list),
});
