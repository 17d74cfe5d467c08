import { z } from "zod";
import { CHANNELS, SEVERITIES } from "@/db/schema/tenancy";

export const INDUSTRIES = [
  "Financial services",
  "Healthcare",
  "Manufacturing",
  "Retail",
  "Logistics",
  "Energy & utilities",
  "Public sector",
  "Education",
  "Technology",
  "Legal & professional services",
  "Media",
  "Other",
] as const;

export function isTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
}

const trimmed = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, `${what} must be at least ${min} character${min === 1 ? "" : "s"}`)
    .max(max, `${what} must be at most ${max} characters`);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/, "Use 1–48 lower-case letters, digits and dashes (not at the ends)");

export const customerFields = z.object({
  name: trimmed(2, 120, "Name"),
  slug: slugSchema,
  industry: z.enum(INDUSTRIES, { error: "Choose an industry from the list" }),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Use the two-letter ISO country code, e.g. DE"),
  timezone: z.string().refine(isTimeZone, "Use an IANA time zone such as Europe/Berlin"),
});
export const createCustomerInput = customerFields;
export type CreateCustomerInput = z.infer<typeof createCustomerInput>;

export const updateCustomerInput = customerFields
  .omit({ slug: true })
  .extend({ status: z.enum(["active", "offboarded"]) })
  .partial();
export type UpdateCustomerInput = z.infer<typeof updateCustomerInput>;

export const contactFields = z
  .object({
    name: trimmed(1, 120, "Name"),
    email: z.email("Enter a valid e-mail address").max(254),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+()\d\s./-]*$/, "Use digits, spaces and + ( ) - . / only")
      .nullish()
      .transform((v) => v || null),
    role: z
      .string()
      .trim()
      .max(80)
      .nullish()
      .transform((v) => v || null),
    severities: z.array(z.enum(SEVERITIES)).max(SEVERITIES.length),
    channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
    receivesReports: z.boolean(),
  })
  .refine((c) => c.severities.length === 0 || c.channels.length > 0, {
    message: "Choose how to reach this contact for the severities selected",
    path: ["channels"],
  })
  .refine((c) => !(c.channels.includes("phone") || c.channels.includes("sms")) || Boolean(c.phone), {
    message: "Add a phone number for phone or SMS",
    path: ["phone"],
  });
export type ContactFields = z.infer<typeof contactFields>;

/** The customer picker's lookup: name or slug containing `q` (case-insensitive), and/or one customer by id; `active`: no offboarded ones. */
export const CUSTOMER_OPTIONS_LIMIT = 20;
export const customerOptionsInput = z.object({
  q: z.string().trim().max(80).optional(),
  /** A picked customer's own row, for its name when a page opens with its id in the URL. */
  id: z.uuid().optional(),
  /** Active customers only (a form choosing the customer of something new, e.g. a sensor). */
  active: z.boolean().optional(),
});
export type CustomerOptionsInput = z.infer<typeof customerOptionsInput>;
