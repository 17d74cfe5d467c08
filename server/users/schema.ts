import { z } from "zod";
import { CUSTOMER_ROLES, STAFF_ROLES } from "@/db/schema/tenancy";

export const emailSchema = z
  .email("Enter a valid e-mail address")
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const passwordSchema = z.string().min(10, "Use at least 10 characters").max(128, "Use at most 128 characters");
export const personName = z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters");

export const inviteCustomerUserInput = z.object({
  email: emailSchema,
  name: personName.optional(),
  role: z.enum(CUSTOMER_ROLES),
});
export const inviteStaffInput = z.object({
  email: emailSchema,
  name: personName.optional(),
  role: z.enum(STAFF_ROLES),
});
export const acceptInvitationInput = z.object({
  token: z.string().min(20).max(200),
  name: personName,
  password: passwordSchema,
});
