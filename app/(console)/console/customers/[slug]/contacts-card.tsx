"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Siren } from "lucide-react";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/app/_components/ui/card";
import { ConfirmDialog } from "@/app/_components/ui/confirm-dialog";
import { EmptyState, LoadingState } from "@/app/_components/ui/states";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../../_components/errors";
import { QueryError } from "../../_components/query-error";
import type { Contact } from "../../_components/types";
import { ContactDialog, type ContactInput } from "./contact-dialog";
import { ContactsTable } from "./contacts-table";

export function ContactsCard({ customerId, canManage }: { customerId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const contacts = useQuery(trpc.customers.contacts.queryOptions({ customerId }));
  const [editing, setEditing] = useState<Contact | "new" | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.customers.contacts.queryKey({ customerId }) });
  const add = useMutation(trpc.customers.addContact.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.customers.updateContact.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(
    trpc.customers.removeContact.mutationOptions({
      onSuccess: async () => {
        await refresh();
        setRemoving(null);
      },
    }),
  );

  function save(contact: ContactInput) {
    return editing === "new" || editing === null
      ? add.mutateAsync({ customerId, contact })
      : update.mutateAsync({ customerId, contactId: editing.id, contact });
  }

  const addButton = canManage ? (
    <Button size="sm" variant="outline" onClick={() => setEditing("new")}>
      <Plus aria-hidden="true" />
      Add contact
    </Button>
  ) : null;

  return (
    <Card>
      <CardHeader actions={contacts.data?.length ? addButton : null}>
        <CardTitle>Contacts</CardTitle>
        <CardDescription>Who the SOC escalates incidents to, and who receives reports.</CardDescription>
      </CardHeader>
      <CardContent className="px-0 pb-0">
        {contacts.isPending ? (
          <LoadingState label="Loading contacts…" rows={3} className="px-5 pb-5" />
        ) : contacts.isError ? (
          <QueryError title="Could not load contacts" error={contacts.error} onRetry={() => contacts.refetch()} />
        ) : contacts.data.length === 0 ? (
          <EmptyState
            icon={Siren}
            title="No contacts yet"
            description="Without contacts the SOC cannot escalate incidents. Add at least one for critical and high severities."
            action={addButton}
          />
        ) : (
          <ContactsTable
            contacts={contacts.data}
            canManage={canManage}
            onEdit={setEditing}
            onRemove={(c) => {
              remove.reset();
              setRemoving(c);
            }}
          />
        )}
      </CardContent>
      {editing ? (
        <ContactDialog contact={editing === "new" ? null : editing} onClose={() => setEditing(null)} onSave={save} />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(open) => (open ? undefined : setRemoving(null))}
        title={`Remove ${removing?.name ?? "contact"}?`}
        description="The SOC will no longer escalate incidents or send reports to this person."
        confirmLabel="Remove contact"
        onConfirm={() => removing && remove.mutate({ customerId, contactId: removing.id })}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
      />
    </Card>
  );
}
