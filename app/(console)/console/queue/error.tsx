"use client";

import { SegmentError } from "../_components/segment-error";

export default function QueueError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Alert queue" error={error} retry={retry} />;
}
