import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireStaff } from "@/app/_lib/session";
import { serverCaller } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { loadMessage } from "./load";
import { MessageView } from "./message-view";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const info = await requireStaff();
  if (!canDo(info, "outbox:read")) return { title: "E-mail outbox" };
  const message = await loadMessage((await params).id);
  return { title: message ? `${message.subject} · E-mail outbox` : "E-mail not found" };
}

export default async function OutboxMessagePage({ params }: Props) {
  const { id } = await params;
  const info = await requireStaff(`/console/outbox/${id}`);
  if (!canDo(info, "outbox:read")) return <NoAccess title="E-mail outbox" roleLabel={info.roleLabel ?? undefined} />;
  const message = await loadMessage(id);
  if (!message) notFound();
  // One lookup by id (none when the customer is gone), not every customer to name one.
  const [customer] = message.customerId
    ? await (await serverCaller()).customers.options({ id: message.customerId })
    : [];
  return <MessageView message={message} customer={customer ? { name: customer.name, slug: customer.slug } : null} />;
}
