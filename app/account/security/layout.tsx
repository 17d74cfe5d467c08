import { ArrowLeft, ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/app/_components/theme-toggle";
import Link from "@/app/_components/ui/link";
import { serverCaller } from "@/app/_lib/trpc/server";

export const dynamic = "force-dynamic";

/** A plain frame for the signed-in user's own settings, shared by staff and customers. */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const branding = await (await serverCaller()).me.branding();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-30 border-b border-border bg-background/90 backdrop-blur">
        <div className="mx-auto flex h-14 w-full max-w-3xl items-center gap-3 px-4 sm:px-6">
          <Link
            href="/"
            className="inline-flex min-w-0 items-center gap-2 rounded-md py-1 pr-2 text-sm font-medium text-muted-foreground hover:text-foreground"
          >
            <ArrowLeft aria-hidden="true" className="size-4 shrink-0" />
            <span className="truncate">Back</span>
          </Link>
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <span className="flex size-7 shrink-0 items-center justify-center rounded-md bg-primary text-primary-foreground">
              <ShieldCheck aria-hidden="true" className="size-4" />
            </span>
            <span className="truncate text-sm font-semibold">{branding.providerName}</span>
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-3xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
      <footer className="px-4 pb-6 text-center text-xs text-muted-foreground">Watchkeeper</footer>
    </div>
  );
}
