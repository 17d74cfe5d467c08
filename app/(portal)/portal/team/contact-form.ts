import { z } from "zod";
import type { Severity } from "@/app/_components/ui/badge";
import { contactFields } from "@/server/customers/schema";
import type { Channel } from "../_lib/labels";

/** An escalation contact as the portal lists it. */
export type Contact = {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  role: string | null;
  severities: Severity[];
  channels: Channel[];
  receivesReports: boolean;
};

export type FormValues = Omit<Contact, "id" | "phone" | "role"> & { phone: string; role: string };
export type FormErrors = Partial<Record<keyof FormValues, string>>;

const EMPTY: FormValues = {
  name: "",
  email: "",
  phone: "",
  role: "",
  severities: ["critical", "high"],
  channels: ["email"],
  receivesReports: false,
};

export function toValues(c: Contact | null): FormValues {
  if (!c) return EMPTY;
  return { ...c, phone: c.phone ?? "", role: c.role ?? "" };
}

export function validate(values: FormValues): FormErrors {
  const errors: FormErrors = {};
  const parsed = contactFields.safeParse(values);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>;
    for (const key of Object.keys(flat) as (keyof FormValues)[]) errors[key] = flat[key]?.[0];
  }
  if (!values.name.trim()) errors.name = "Enter a name.";
  if (!values.email.trim()) errors.email = "Enter an e-mail address.";
  if (!errors.channels && values.severities.length > 0 && values.channels.length === 0)
    errors.channels = "Choose at least one way to reach them about incidents.";
  if (!errors.phone && !values.phone.trim() && values.channels.some((ch) => ch !== "email"))
    errors.phone = "Add a phone number for phone calls or SMS.";
  return errors;
}
