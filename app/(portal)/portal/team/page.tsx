import { PageHeader } from "@/app/_components/ui/page-header";
import { requireCustomer } from "@/app/_lib/session";
import { getQueryClient, HydrateClient, serverCaller, trpc } from "@/app/_lib/trpc/server";
import { ContactsCard } from "./contacts";
import { MembersCard } from "./members";

export const metadata = { title: "Team & contacts" };

export default async function TeamPage() {
  const info = await requireCustomer("/portal/team");
  const queryClient = getQueryClient();
  const [branding] = await Promise.all([
    (await serverCaller()).me.branding(),
    queryClient.prefetchQuery(trpc.team.list.queryOptions()),
    queryClient.prefetchQuery(trpc.organisation.contacts.queryOptions()),
  ]);
  const can = (p: string) => info.permissions.some((x) => x === p);

  return (
    <HydrateClient>
      <PageHeader
        title="Team & contacts"
        description={`The people who can sign in to this portal, and the people ${branding.providerName} contacts about incidents.`}
      />
      <div className="grid gap-6">
        <MembersCard
          currentUserId={info.user.id}
          timeZone={info.customer.timezone}
          canInvite={can("customerUser:invite")}
          canManage={can("customerUser:remove")}
        />
        <ContactsCard canManage={can("contact:manage")} providerName={branding.providerName} />
      </div>
    </HydrateClient>
  );
}
