"use client";

import { SegmentError } from "../../_components/segment-error";

export default function CustomerError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Customer" error={error} retry={retry} />;
}
