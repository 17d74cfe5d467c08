"use client";

import { SegmentError } from "../_components/segment-error";

export default function IncidentsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Incidents" error={error} retry={retry} />;
}
