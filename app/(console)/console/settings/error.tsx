"use client";

import { SegmentError } from "../_components/segment-error";

export default function SettingsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="Settings" error={error} retry={retry} />;
}
