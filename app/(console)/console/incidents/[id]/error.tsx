"use client";

import { SegmentError } from "../../_components/segment-error";

export default function IncidentError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Incident" error={error} retry={retry} />;
}
