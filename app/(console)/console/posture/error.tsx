"use client";

import { SegmentError } from "../_components/segment-error";

export default function PostureError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Posture" error={error} retry={retry} />;
}
