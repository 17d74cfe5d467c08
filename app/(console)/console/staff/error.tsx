"use client";

import { SegmentError } from "../_components/segment-error";

export default function StaffError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Staff" error={error} retry={retry} />;
}
