import { z } from "zod";
import { createTRPCRouter, customerProcedure, staffCustomerProcedure, staffProcedure } from "@/server/trpc/init";
import { contactFields, createCustomerInput, customerOptionsInput, updateCustomerInput } from "./schema";
import * as service from "./service";

/** Staff: every customer, and one customer by slug or id. */
export const customersRouter = createTRPCRouter({
  list: staffProcedure.query(({ ctx }) => service.listCustomers(ctx)),
  /** A picker's choices: ≤ 20 customers matching `q` by name or slug, or the one picked (`id`). */
  options: staffProcedure.input(customerOptionsInput).query(({ ctx, input }) => service.customerOptions(ctx, input)),
  byId: staffCustomerProcedure.query(({ ctx }) => service.getCustomer(ctx)),
  bySlug: staffProcedure
    .input(z.object({ slug: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => service.getCustomerBySlug(ctx, input.slug)),
  create: staffProcedure.input(createCustomerInput).mutation(({ ctx, input }) => service.createCustomer(ctx, input)),
  update: staffCustomerProcedure
    .input(z.object({ patch: updateCustomerInput }))
    .mutation(({ ctx, input }) => service.updateCustomer(ctx, input.patch)),
  contacts: staffCustomerProcedure.query(({ ctx }) => service.getContacts(ctx)),
  addContact: staffCustomerProcedure
    .input(z.object({ contact: contactFields }))
    .mutation(({ ctx, input }) => service.addContact(ctx, input.contact)),
  updateContact: staffCustomerProcedure
    .input(z.object({ contactId: z.uuid(), contact: contactFields }))
    .mutation(({ ctx, input }) => service.updateContact(ctx, input.contactId, input.contact)),
  removeContact: staffCustomerProcedure
    .input(z.object({ contactId: z.uuid() }))
    .mutation(({ ctx, input }) => service.removeContact(ctx, input.contactId)),
});

/** A customer user's own organisation. */
export const organisationRouter = createTRPCRouter({
  mine: customerProcedure.query(({ ctx }) => service.getCustomer(ctx)),
  contacts: customerProcedure.query(({ ctx }) => service.getContacts(ctx)),
  addContact: customerProcedure
    .input(z.object({ contact: contactFields }))
    .mutation(({ ctx, input }) => service.addContact(ctx, input.contact)),
  updateContact: customerProcedure
    .input(z.object({ contactId: z.uuid(), contact: contactFields }))
    .mutation(({ ctx, input }) => service.updateContact(ctx, input.contactId, input.contact)),
  removeContact: customerProcedure
    .input(z.object({ contactId: z.uuid() }))
    .mutation(({ ctx, input }) => service.removeContact(ctx, input.contactId)),
});
