"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleCheck, Laptop, Smartphone } from "lucide-react";
import { useState, useSyncExternalStore } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Badge } from "@/app/_components/ui/badge";
import { Button } from "@/app/_components/ui/button";
import { Card, CardContent } from "@/app/_components/ui/card";
import { ErrorState, LoadingState } from "@/app/_components/ui/states";
import { authClient } from "@/app/_lib/auth-client";
import { describeAuthError, NETWORK_ERROR } from "@/app/(auth)/_lib/auth-errors";
import { SectionHeader } from "@/app/(portal)/portal/_components/section-header";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeAgent, knownIp } from "./session-agent";
import { SESSIONS_KEY } from "./sessions-key";

const noop = () => () => {};
/** False while hydrating server HTML: times render in UTC until then (server and browser zones and clocks differ). */
const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );

type SessionRow = {
  id: string;
  userAgent?: string | null;
  ipAddress?: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
};

export function SessionsCard() {
  const hydrated = useHydrated();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: async () => {
      const [list, current] = await Promise.all([authClient.listSessions(), authClient.getSession()]);
      if (list.error) throw new Error(describeAuthError(list.error));
      const currentId = current.data?.session.id ?? null;
      const rows = (list.data ?? []) as SessionRow[];
      return {
        currentId,
        rows: [...rows].sort((a, b) => {
          if (a.id === currentId) return -1;
          if (b.id === currentId) return 1;
          return new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime();
        }),
      };
    },
  });
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);

  const others = sessions.data ? sessions.data.rows.filter((s) => s.id !== sessions.data.currentId).length : 0;

  async function revokeOthers() {
    setPending(true);
    setMessage(null);
    try {
      const { error } = await authClient.revokeOtherSessions();
      if (error) setMessage({ tone: "danger", text: describeAuthError(error) });
      else setMessage({ tone: "success", text: "Your other devices have been signed out." });
    } catch {
      setMessage({ tone: "danger", text: NETWORK_ERROR });
    } finally {
      setPending(false);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    }
  }

  return (
    <Card>
      <SectionHeader
        title="Where you are signed in"
        description={
          sessions.data
            ? others === 0
              ? "Only this device is signed in."
              : `This device and ${others} other${others === 1 ? "" : "s"}.`
            : "Devices and browsers with an active session."
        }
        actions={
          <Button variant="outline" size="sm" onClick={revokeOthers} loading={pending} disabled={others === 0}>
            Sign out other devices
          </Button>
        }
      />
      <CardContent className="grid gap-3">
        {message ? (
          <Alert tone={message.tone} icon={message.tone === "success" ? CircleCheck : undefined}>
            {message.text}
          </Alert>
        ) : null}
        {sessions.isPending ? (
          <LoadingState label="Loading your sessions…" rows={2} className="py-0" />
        ) : sessions.isError ? (
          <ErrorState
            className="py-6"
            title="Could not load your sessions"
            message={sessions.error.message}
            onRetry={() => void sessions.refetch()}
          />
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border">
            {sessions.data.rows.map((s) => {
              const agent = describeAgent(s.userAgent);
              const Icon = agent.mobile ? Smartphone : Laptop;
              const isCurrent = s.id === sessions.data.currentId;
              return (
                <li key={s.id} className="flex items-start gap-3 px-4 py-3">
                  <Icon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
                  <div className="grid min-w-0 flex-1 gap-0.5">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                      {agent.label}
                      {isCurrent ? <Badge tone="primary">This device</Badge> : null}
                    </p>
                    <p className="text-xs text-muted-foreground">
                      {knownIp(s.ipAddress) ? `${s.ipAddress} · ` : ""}
                      Signed in {formatDateTime(s.createdAt, hydrated ? undefined : "UTC")} · last active{" "}
                      <time dateTime={new Date(s.updatedAt).toISOString()}>
                        {hydrated ? formatRelative(s.updatedAt) : formatDateTime(s.updatedAt, "UTC")}
                      </time>
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
