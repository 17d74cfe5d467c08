"use client";

import { SegmentError } from "../_components/segment-error";

export default function SensorsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Sensors" error={error} retry={retry} />;
}
