import type { Metadata } from "next";
import { PageHeader } from "@/app/_components/ui/page-header";
import { requireStaff } from "@/app/_lib/session";
import { HydrateClient, prefetch, trpc } from "@/app/_lib/trpc/server";
import { NoAccess } from "../../_components/no-access";
import { canDo } from "../../_components/permissions";
import { OutboxList } from "../outbox-list";

export const metadata: Metadata = { title: "E-mail outbox" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function OutboxPage({ searchParams }: Props) {
  const info = await requireStaff("/console/outbox");
  if (!canDo(info, "outbox:read")) return <NoAccess title="E-mail outbox" roleLabel={info.roleLabel ?? undefined} />;
  const { q } = await searchParams;
  const query = (Array.isArray(q) ? q[0] : q)?.trim().slice(0, 120);
  prefetch(trpc.outbox.list.queryOptions({ q: query || undefined, cursor: undefined }));
  return (
    <HydrateClient>
      <PageHeader
        title="E-mail outbox"
        description="Every e-mail Watchkeeper sends. Without an SMTP server, messages wait here instead of being delivered."
      />
      <OutboxList />
    </HydrateClient>
  );
}
