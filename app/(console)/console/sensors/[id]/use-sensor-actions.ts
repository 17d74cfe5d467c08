import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../../_components/errors";
import type { Notice } from "../../_components/notice";
import type { IssuedKey } from "../api-key-dialog";
import type { Confirm, Sensor } from "./sensor-types";

/**
 * The sensor detail page's state: its notice, which confirmation is open (and its error), the key just issued, and the
 * rotate / revoke / retire-or-reactivate mutations that drive them.
 */
export function useSensorActions(input: { customerId: string; sensorId: string }, sensor: Sensor | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.sensors.byId.queryKey(input) }),
      queryClient.invalidateQueries({ queryKey: trpc.sensors.all.queryKey() }),
    ]);
  const done = (n: Notice) => {
    setConfirm(null);
    setNotice(n);
    void refresh();
  };
  const failed = (e: unknown) => setConfirmError(errorMessage(e));

  const rotate = useMutation(
    trpc.sensors.rotateKey.mutationOptions({
      onSuccess: (result) => {
        const s = sensor;
        setConfirm(null);
        setNotice(null);
        if (s)
          setIssued({ apiKey: result.apiKey, sensorName: s.name, sourceFormat: s.sourceFormat, reason: "rotated" });
        void refresh();
      },
      onError: failed,
    }),
  );
  const revoke = useMutation(
    trpc.sensors.revokeKeys.mutationOptions({
      onSuccess: (result) =>
        done({
          tone: "success",
          title:
            result.revoked === 0
              ? "There was no active key to revoke"
              : `${result.revoked} key${result.revoked === 1 ? "" : "s"} revoked`,
        }),
      onError: failed,
    }),
  );
  const setStatus = useMutation(
    trpc.sensors.setStatus.mutationOptions({
      onSuccess: (row) =>
        done(
          row.status === "retired"
            ? { tone: "success", title: "Sensor retired", body: "Its alerts and history stay." }
            : { tone: "success", title: "Sensor reactivated" },
        ),
      onError: failed,
    }),
  );

  const openConfirm = (c: Confirm) => {
    setConfirmError(null);
    setConfirm(c);
  };
  const closeIssued = () => {
    setIssued(null);
    rotate.reset();
  };

  return {
    notice,
    setNotice,
    confirm,
    setConfirm,
    openConfirm,
    confirmError,
    issued,
    closeIssued,
    rotate,
    revoke,
    setStatus,
  };
}

export type SensorActions = ReturnType<typeof useSensorActions>;
