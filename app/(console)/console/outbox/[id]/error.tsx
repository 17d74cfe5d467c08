"use client";

import { SegmentError } from "../../_components/segment-error";

export default function MessageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <SegmentError title="E-mail" error={error} retry={retry} />;
}
