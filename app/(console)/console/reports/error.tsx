"use client";

import { SegmentError } from "../_components/segment-error";

export default function ReportsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Monthly reports" error={error} retry={retry} />;
}
