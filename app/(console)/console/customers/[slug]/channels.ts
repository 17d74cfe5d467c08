import type { Channel } from "@/db/schema/tenancy";

export const CHANNEL_LABELS: Record<Channel, string> = { email: "E-mail", phone: "Phone", sms: "SMS" };
