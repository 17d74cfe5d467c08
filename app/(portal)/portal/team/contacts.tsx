"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellRing, Plus } from "lucide-react";
import { useState } from "react";
import { useConfirmTarget } from "@/app/_components/team/use-confirm-target";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { EmptyState, ErrorState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { SectionHeader } from "../_components/section-header";
import { trpcErrorInfo } from "../_lib/labels";
import { ContactDialog } from "./contact-dialog";
import type { Contact } from "./contact-form";
import { ContactRow } from "./contact-row";
import { type Notice, NoticeBanner } from "./notice";

/** The organisation's escalation contacts, with add / edit / remove for those who may manage them. */
export function ContactsCard({ canManage, providerName }: { canManage: boolean; providerName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contacts = useQuery(trpc.organisation.contacts.queryOptions());
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<{ contact: Contact | null } | null>(null);
  const removing = useConfirmTarget<Contact>();

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.organisation.contacts.queryKey() });
  const remove = useMutation(
    trpc.organisation.removeContact.mutationOptions({
      onSuccess: (_data, vars) => {
        queryClient.setQueryData(trpc.organisation.contacts.queryKey(), (old) =>
          old?.filter((c) => c.id !== vars.contactId),
        );
        setNotice({ tone: "success", text: `${removing.target?.name ?? "The contact"} was removed.` });
        removing.close();
      },
      onError: (e) => removing.fail(trpcErrorInfo(e).message),
      onSettled: refresh,
    }),
  );

  const list = (contacts.data ?? []) as Contact[];
  const addButton = (
    <Button size="sm" onClick={() => setEditing({ contact: null })}>
      <Plus aria-hidden="true" />
      Add contact
    </Button>
  );

  return (
    <Card id="contacts" className="scroll-mt-20">
      <SectionHeader
        title="Escalation contacts"
        description={`Whom ${providerName} tells about incidents, for which severities and how. Contacts do not need a portal account.`}
        actions={canManage && list.length > 0 ? addButton : undefined}
      />
      <CardContent className="grid gap-4">
        <NoticeBanner notice={notice} onDismiss={() => setNotice(null)} />
        {contacts.isPending ? (
          <LoadingState label="Loading contacts…" rows={3} className="py-2" />
        ) : contacts.isError ? (
          <ErrorState
            className="py-8"
            title="Could not load contacts"
            message={trpcErrorInfo(contacts.error).message}
            onRetry={() => void contacts.refetch()}
          />
        ) : list.length === 0 ? (
          <EmptyState
            icon={BellRing}
            className="py-8"
            title="No escalation contacts yet"
            description={
              canManage
                ? `Add the people ${providerName} should call or e-mail when something happens.`
                : "An admin of your organisation can add them."
            }
            action={canManage ? addButton : undefined}
          />
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border" aria-label="Escalation contacts">
            {list.map((c) => (
              <ContactRow
                key={c.id}
                contact={c}
                canManage={canManage}
                onEdit={() => setEditing({ contact: c })}
                onRemove={() => removing.ask(c)}
              />
            ))}
          </ul>
        )}
      </CardContent>

      {canManage ? (
        <ContactDialog
          key={editing?.contact?.id ?? "new"}
          open={editing !== null}
          contact={editing?.contact ?? null}
          onOpenChange={(open) => (open ? undefined : setEditing(null))}
          onSaved={(name, created) => {
            setEditing(null);
            setNotice({ tone: "success", text: created ? `${name} was added.` : `${name} was updated.` });
            void refresh();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing.target !== null}
        onOpenChange={(open) => (open ? undefined : removing.close())}
        title={`Remove ${removing.target?.name ?? "this contact"}?`}
        description={`${providerName} will no longer contact them about incidents${removing.target?.receivesReports ? " or send them reports" : ""}.`}
        confirmLabel="Remove contact"
        pending={remove.isPending}
        error={removing.error}
        onConfirm={() => removing.target && remove.mutate({ contactId: removing.target.id })}
      />
    </Card>
  );
}
