"use client";

import { SegmentError } from "../_components/segment-error";

export default function VisibilityError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="ATT&CK visibility" error={error} retry={retry} />;
}
