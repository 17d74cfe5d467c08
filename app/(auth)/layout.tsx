import { ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/app/_components/theme-toggle";
import { serverCaller } from "@/app/_lib/trpc/server";

export const dynamic = "force-dynamic";

/** Sign-in, two-factor, password and invitation pages: one centred card under the provider's name. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const branding = await (await serverCaller()).me.branding();
  return (
    <div className="relative flex min-h-dvh flex-col">
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <main id="main" className="flex flex-1 flex-col items-center px-4 pt-12 pb-8 sm:justify-center sm:pt-8">
        <div className="mb-6 flex min-w-0 max-w-full items-center gap-2.5">
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-primary text-primary-foreground">
            <ShieldCheck aria-hidden="true" className="size-5" />
          </span>
          <span className="truncate text-base font-semibold tracking-tight">{branding.providerName}</span>
        </div>
        {children}
      </main>
      <footer className="grid gap-1 px-4 pb-6 text-center text-xs text-muted-foreground">
        {branding.supportEmail ? (
          <p>
            Need help? Write to{" "}
            <a href={`mailto:${branding.supportEmail}`} className="underline underline-offset-2 hover:text-foreground">
              {branding.supportEmail}
            </a>
          </p>
        ) : null}
        <p>Watchkeeper</p>
      </footer>
    </div>
  );
}
