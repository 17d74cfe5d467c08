"use client";

import { SegmentError } from "../_components/segment-error";

export default function RosterError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Roster" error={error} retry={retry} />;
}
