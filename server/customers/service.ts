import { auditedChange } from "@/server/audit/change";
import { diff } from "@/server/audit/service";
import { assertCan } from "@/server/auth/permissions";
import { Conflict, isUniqueViolation, NotFound } from "@/server/errors";
import type { StaffContext, TenantContext } from "@/server/tenancy/tenant";
import {
  deleteContactRow,
  findContact,
  findCustomer,
  findCustomerBySlug,
  insertContact,
  insertCustomer,
  listAllCustomers,
  listContacts,
  searchCustomers,
  updateContactRow,
  updateCustomerRow,
} from "./queries";
import {
  type ContactFields,
  type CreateCustomerInput,
  CUSTOMER_OPTIONS_LIMIT,
  type CustomerOptionsInput,
  type UpdateCustomerInput,
} from "./schema";

export async function listCustomers(ctx: StaffContext) {
  assertCan(ctx.actor, "customer:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return listAllCustomers(ctx.db);
}

/** A picker's choices: a bounded search over every customer (staff only), never the whole list. */
export async function customerOptions(ctx: StaffContext, input: CustomerOptionsInput) {
  assertCan(ctx.actor, "customer:read");
  if (ctx.actor.side !== "staff") throw new NotFound("No such list.");
  return searchCustomers(ctx.db, { ...input, limit: CUSTOMER_OPTIONS_LIMIT });
}

export async function getCustomerBySlug(ctx: StaffContext, slug: string) {
  assertCan(ctx.actor, "customer:read");
  const row = ctx.actor.side === "staff" ? await findCustomerBySlug(ctx.db, slug) : null;
  if (!row) throw new NotFound(`No customer with the slug "${slug}".`);
  return row;
}

export async function getCustomer(ctx: TenantContext) {
  assertCan(ctx.actor, "customer:read");
  const row = await findCustomer(ctx.db, ctx.tenant);
  if (!row) throw new NotFound("No such customer.");
  return row;
}

export async function createCustomer(ctx: StaffContext, input: CreateCustomerInput) {
  assertCan(ctx.actor, "customer:create");
  try {
    return await auditedChange(ctx, async (tx) => {
      const row = await insertCustomer(tx, input);
      return {
        result: row,
        audit: {
          customerId: row.id,
          action: "customer.create",
          targetType: "customer",
          targetId: row.id,
          summary: { after: input },
        },
      };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Conflict(`The slug "${input.slug}" is already taken.`, "slug");
    throw e;
  }
}

export async function updateCustomer(ctx: TenantContext, input: UpdateCustomerInput) {
  assertCan(ctx.actor, "customer:update");
  return auditedChange(ctx, async (tx) => {
    const before = await findCustomer(tx, ctx.tenant);
    if (!before) throw new NotFound("No such customer.");
    const row = await updateCustomerRow(tx, ctx.tenant, input);
    return {
      result: row!,
      audit: {
        customerId: ctx.tenant,
        action: "customer.update",
        targetType: "customer",
        targetId: ctx.tenant,
        summary: { changes: diff(before, input) },
      },
    };
  });
}

export async function getContacts(ctx: TenantContext) {
  assertCan(ctx.actor, "contact:read");
  return listContacts(ctx.db, ctx.tenant);
}

export async function addContact(ctx: TenantContext, input: ContactFields) {
  assertCan(ctx.actor, "contact:manage");
  return auditedChange(ctx, async (tx) => {
    const row = await insertContact(tx, ctx.tenant, input);
    return {
      result: row,
      audit: {
        customerId: ctx.tenant,
        action: "contact.create",
        targetType: "contact",
        targetId: row.id,
        summary: { after: input },
      },
    };
  });
}

export async function updateContact(ctx: TenantContext, id: string, input: ContactFields) {
  assertCan(ctx.actor, "contact:manage");
  return auditedChange(ctx, async (tx) => {
    const before = await findContact(tx, ctx.tenant, id);
    if (!before) throw new NotFound("No such contact.");
    const row = await updateContactRow(tx, ctx.tenant, id, input);
    return {
      result: row!,
      audit: {
        customerId: ctx.tenant,
        action: "contact.update",
        targetType: "contact",
        targetId: id,
        summary: { changes: diff(before, input) },
      },
    };
  });
}

export async function removeContact(ctx: TenantContext, id: string) {
  assertCan(ctx.actor, "contact:manage");
  return auditedChange(ctx, async (tx) => {
    const before = await findContact(tx, ctx.tenant, id);
    if (!before || !(await deleteContactRow(tx, ctx.tenant, id))) throw new NotFound("No such contact.");
    return {
      result: { id },
      audit: {
        customerId: ctx.tenant,
        action: "contact.delete",
        targetType: "contact",
        targetId: id,
        summary: { before: { name: before.name, email: before.email } },
      },
    };
  });
}
