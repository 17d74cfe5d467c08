"use client";

import { SegmentError } from "../../_components/segment-error";

export default function SensorError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Sensor" error={error} retry={retry} />;
}
