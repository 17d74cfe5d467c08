"use client";

import { SegmentError } from "../_components/segment-error";

export default function AuditError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Audit log" error={error} retry={retry} />;
}
