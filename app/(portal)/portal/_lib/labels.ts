/** Display words for portal data (client-safe). */

export type Channel = "email" | "phone" | "sms";
export const CHANNELS: readonly Channel[] = ["email", "phone", "sms"];
export const CHANNEL_LABELS: Record<Channel, string> = { email: "E-mail", phone: "Phone call", sms: "SMS" };

export type CustomerRole = "admin" | "viewer";
export const CUSTOMER_ROLE_OPTIONS: readonly { value: CustomerRole; label: string; description: string }[] = [
  {
    value: "viewer",
    label: "Viewer",
    description: "Sees the organisation, its users and contacts. Cannot change anything.",
  },
  {
    value: "admin",
    label: "Admin",
    description: "Also invites and removes users, changes roles and manages escalation contacts.",
  },
];
export const CUSTOMER_ROLE_LABELS: Record<string, string> = { admin: "Admin", viewer: "Viewer" };

/** "Norway" from "NO"; the code itself when the runtime does not know it. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(["en-GB"], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** "GMT+1" for a zone at a given moment; empty when unknown. */
export function zoneOffset(timeZone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "shortOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? "";
  } catch {
    return "";
  }
}

/** The message and field errors of a failed tRPC call, whatever shape the error has. */
export function trpcErrorInfo(e: unknown): {
  message: string;
  fieldErrors: Record<string, string | undefined>;
  path: string | null;
  network: boolean;
} {
  const err = e as {
    message?: string;
    data?: {
      zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
      path?: string | null;
    } | null;
  } | null;
  const fieldErrors: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(err?.data?.zodError?.fieldErrors ?? {})) fieldErrors[k] = v?.[0];
  const network = !err?.data;
  return {
    message: network
      ? "We could not reach the server. Check your connection and try again."
      : err?.message || "That did not work. Try again.",
    fieldErrors,
    path: err?.data?.path ?? null,
    network,
  };
}
