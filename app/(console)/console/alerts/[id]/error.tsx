"use client";

import { SegmentError } from "../../_components/segment-error";

export default function AlertError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Alert" error={error} retry={retry} />;
}
