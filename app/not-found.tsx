import { Button } from "@/app/_components/ui/button";
import Link from "@/app/_components/ui/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-6 text-center">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-2xl font-semibold">This page does not exist</h1>
      <p className="max-w-md text-muted-foreground">The link may be old, or the item may have been removed.</p>
      <Button asChild>
        <Link href="/">Go to your start page</Link>
      </Button>
    </main>
  );
}
