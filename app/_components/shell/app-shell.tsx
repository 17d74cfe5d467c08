"use client";

import {
  Bell,
  Building2,
  CalendarClock,
  Crosshair,
  FileChartColumn,
  FileText,
  Gauge,
  Grid3x3,
  LayoutDashboard,
  Lightbulb,
  LogOut,
  Mail,
  Menu,
  Monitor,
  Radar,
  ScrollText,
  Settings,
  ShieldCheck,
  Siren,
  Timer,
  UserCog,
  Users,
  X,
} from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
import { ThemeToggle } from "@/app/_components/theme-toggle";
import { Button } from "@/app/_components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/app/_components/ui/dropdown-menu";
import Link from "@/app/_components/ui/link";
import { authClient } from "@/app/_lib/auth-client";
import { cn } from "@/app/_lib/cn";
import { initials } from "@/lib/format";

const ICONS = {
  overview: LayoutDashboard,
  customers: Building2,
  users: Users,
  staff: UserCog,
  audit: ScrollText,
  outbox: Mail,
  security: ShieldCheck,
  queue: Bell,
  incidents: Siren,
  sensors: Radar,
  sla: Timer,
  contracts: FileText,
  reports: FileChartColumn,
  settings: Settings,
  assets: Monitor,
  visibility: Grid3x3,
  coverage: Grid3x3,
  recommendations: Lightbulb,
  hunts: Crosshair,
  posture: Gauge,
  roster: CalendarClock,
} as const;

export type NavItem = { href: string; label: string; icon: keyof typeof ICONS; exact?: boolean };

export function AppShell({
  area,
  brandName,
  orgName,
  nav,
  user,
  headerExtra,
  children,
}: {
  area: "Console" | "Portal";
  brandName: string;
  orgName: string;
  nav: NavItem[];
  user: { name: string; email: string; roleLabel: string };
  /** Shown in the header before the theme toggle (the console's "on duty now"). */
  headerExtra?: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const isActive = (item: NavItem) =>
    item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);

  async function signOut() {
    await authClient.signOut();
    router.push("/sign-in");
    router.refresh();
  }

  const navList = (
    <nav aria-label={`${area} navigation`} className="flex flex-col gap-0.5 p-3">
      {nav.map((item) => {
        const Icon = ICONS[item.icon];
        const active = isActive(item);
        return (
          <Link
            key={item.href}
            href={item.href}
            onClick={() => setOpen(false)}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium transition-colors",
              active ? "bg-primary/10 text-primary" : "text-muted-foreground hover:bg-muted hover:text-foreground",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            {item.label}
          </Link>
        );
      })}
    </nav>
  );

  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-border bg-card md:flex">
        <Brand area={area} brandName={brandName} orgName={orgName} />
        {navList}
      </aside>
      {open && (
        <div className="fixed inset-0 z-40 md:hidden">
          <button
            type="button"
            aria-label="Close menu"
            className="absolute inset-0 bg-black/40"
            onClick={() => setOpen(false)}
          />
          <aside className="relative flex h-full w-64 flex-col border-r border-border bg-card">
            <Brand area={area} brandName={brandName} orgName={orgName} />
            {navList}
          </aside>
        </div>
      )}
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-background/90 px-4 backdrop-blur">
          <Button
            variant="ghost"
            size="icon"
            className="md:hidden"
            aria-label="Open menu"
            onClick={() => setOpen(true)}
          >
            {open ? <X className="size-4" /> : <Menu className="size-4" />}
          </Button>
          <span className="truncate text-sm text-muted-foreground md:hidden">{orgName}</span>
          <div className="ml-auto flex min-w-0 items-center gap-1">
            {headerExtra}
            <ThemeToggle />
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="ghost" className="gap-2 px-2">
                  <span
                    aria-hidden="true"
                    className="flex size-7 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground"
                  >
                    {initials(user.name)}
                  </span>
                  {/* The name is the button's visible text at sm and up, and its accessible name everywhere. */}
                  <span className="sr-only sm:not-sr-only sm:text-sm">{user.name}</span>
                  <span className="sr-only">, account menu</span>
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent className="w-60">
                <DropdownMenuLabel>
                  <div className="truncate text-sm font-medium">{user.name}</div>
                  <div className="truncate text-xs font-normal text-muted-foreground">{user.email}</div>
                  <div className="mt-1 text-xs font-normal text-muted-foreground">{user.roleLabel}</div>
                </DropdownMenuLabel>
                <DropdownMenuSeparator />
                <DropdownMenuItem asChild>
                  <Link href="/account/security">
                    <ShieldCheck className="size-4" aria-hidden /> Security
                  </Link>
                </DropdownMenuItem>
                <DropdownMenuItem onSelect={signOut}>
                  <LogOut className="size-4" aria-hidden /> Sign out
                </DropdownMenuItem>
              </DropdownMenuContent>
            </DropdownMenu>
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}

function Brand({ area, brandName, orgName }: { area: string; brandName: string; orgName: string }) {
  return (
    <div className="border-b border-border px-4 py-4">
      <div className="flex items-center gap-2">
        <span className="flex size-8 items-center justify-center rounded-md bg-primary text-primary-foreground">
          <ShieldCheck className="size-4" aria-hidden />
        </span>
        <div className="min-w-0">
          <div className="truncate text-sm font-semibold">{brandName}</div>
          <div className="truncate text-xs text-muted-foreground">
            {area} · {orgName}
          </div>
        </div>
      </div>
    </div>
  );
}
