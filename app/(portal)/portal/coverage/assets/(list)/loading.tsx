import { LoadingState } from "@/app/_components/ui/states";

export default function Loading() {
  return <LoadingState label="Loading assets…" />;
}
