import { PageSkeleton } from "../../_components/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading e-mails…" rows={8} withFilters />;
}
