"use client";

import { SegmentError } from "../_components/segment-error";

export default function SlaError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="SLA" error={error} retry={retry} />;
}
