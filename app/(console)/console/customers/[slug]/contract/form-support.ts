import { Temporal } from "temporal-polyfill";
import { errorMessage } from "../../../_components/errors";
import type { TermErrors } from "./terms-draft";
import { readableCalendarMessage, termIssueKey } from "./terms-validate";

/** Today's date in the customer's zone ("2026-11-28"). */
export const todayIn = (timeZone: string) => Temporal.Now.plainDateISO(timeZone).toString();

/** Now in the customer's zone, to the minute, as a datetime-local value ("2026-11-28T14:05"). */
export const nowLocal = (timeZone: string) =>
  Temporal.Now.plainDateTimeISO(timeZone).round({ smallestUnit: "minute", roundingMode: "floor" }).toString();

/** A datetime-local value read as wall time in the customer's zone; null when it is not a date and time. */
export function localToDate(local: string, timeZone: string): Date | null {
  try {
    const zdt = Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, { disambiguation: "compatible" });
    return new Date(zdt.epochMilliseconds);
  } catch {
    return null;
  }
}

type ErrorData = { issues?: { path: string; message: string }[] | null; path?: string | null };

/**
 * A failed create/addVersion: input issues land on the terms field ("terms.endDate" → "endDate") or on one of the
 * form's own fields (reference, effectiveFrom, note); anything else, and a domain error without a known path, becomes
 * the form's message.
 */
export function describeServerError(
  error: unknown,
  ownFields: readonly string[],
): { terms: TermErrors; fields: Record<string, string>; message: string | null } {
  const data = (error as { data?: ErrorData | null } | null)?.data ?? undefined;
  const terms: TermErrors = {};
  const fields: Record<string, string> = {};
  let message: string | null = null;
  if (data?.issues?.length) {
    for (const { path, message: m } of data.issues) {
      if (path.startsWith("terms.")) terms[termIssueKey(path.slice(6), m)] ??= readableCalendarMessage(m);
      else if (ownFields.includes(path)) fields[path] ??= m;
      else message ??= path ? `${m} (${path})` : m;
    }
    if (!message) message = "The server did not accept some terms; see the highlighted fields.";
    return { terms, fields, message };
  }
  const text = errorMessage(error);
  if (data?.path && ownFields.includes(data.path)) return { terms, fields: { [data.path]: text }, message: null };
  return { terms, fields, message: text };
}
