"use client";

import { useMutation } from "@tanstack/react-query";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { useTRPC } from "@/app/_lib/trpc/client";
import { errorMessage } from "../_components/errors";

const REASONS = {
  content: "its content does not match its keyed hash (the row was edited or its hash recomputed)",
  link: "it does not link to the row before it (a row was removed or inserted)",
  gap: "its number does not follow the entry before it (entries were removed)",
  truncated: "the latest signed checkpoint names it, but the log now ends before it (the newest entries were removed)",
  checkpoint: "it no longer matches the latest signed checkpoint (the log was rewritten, or the checkpoint forged)",
} as const;

export function useVerifyChain() {
  const trpc = useTRPC();
  return useMutation(trpc.audit.verify.mutationOptions());
}

export function VerifyChainButton({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  return (
    <Button variant="outline" loading={verify.isPending} onClick={() => verify.mutate()}>
      {verify.isPending ? null : <ShieldCheck aria-hidden="true" />}
      Verify chain
    </Button>
  );
}

/** The outcome of the last verification, if any. */
export function VerifyChainResult({ verify }: { verify: ReturnType<typeof useVerifyChain> }) {
  const dismiss = (
    <Button variant="ghost" size="sm" onClick={() => verify.reset()}>
      Dismiss
    </Button>
  );
  if (verify.isError) {
    return (
      <Alert tone="danger" title="The chain could not be verified" action={dismiss}>
        {errorMessage(verify.error)}
      </Alert>
    );
  }
  const r = verify.data;
  if (!r) return null;
  const n = r.checked.toLocaleString("en-GB");
  return r.ok ? (
    <Alert tone="success" title="The audit chain is intact" action={dismiss} aria-live="polite">
      All {n} entries were checked: every row matches its keyed hash, links to the one before it and follows its number.{" "}
      {r.checkpoint
        ? `The latest checkpoint (entry #${r.checkpoint.seq}, ${r.checkpoint.at.slice(0, 16).replace("T", " ")} UTC) is still in the log.`
        : "No checkpoint has been written yet."}
    </Alert>
  ) : (
    <Alert tone="danger" title={`The audit chain is broken at entry #${r.seq}`} action={dismiss}>
      Entry #{r.seq} fails: {REASONS[r.reason]}. {n} entries before it verified correctly. Treat the log from this entry
      on as untrustworthy and escalate to security.
    </Alert>
  );
}
