import { type CustomerListParams, customerListInput } from "../_components/customer-list-params";

/** The posture overview's inputs, built the same way on the server (prefetch), in the browser and by the load tool. */
export const POSTURE_SORTS = ["score", "drop", "name"] as const;
export type PostureSort = (typeof POSTURE_SORTS)[number];
export const POSTURE_SORT_OPTIONS = [
  { value: "score", label: "Lowest live score first" },
  { value: "drop", label: "Largest drop first" },
  { value: "name", label: "Name (A–Z)" },
] as const;

export const postureOverviewInput = (list: CustomerListParams<PostureSort>) => customerListInput(list);
