"use client";

import { SegmentError } from "../_components/segment-error";

export default function OutboxError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="E-mail outbox" error={error} retry={retry} />;
}
