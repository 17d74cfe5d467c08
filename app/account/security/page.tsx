import { redirect } from "next/navigation";
import { PageHeader } from "@/app/_components/ui/page-header";
import { getSessionInfo } from "@/app/_lib/session";
import { env } from "@/server/env";
import { PasswordCard } from "./password-card";
import { SessionsCard } from "./sessions-card";
import { TwoFactorCard } from "./two-factor-card";

export const metadata = { title: "Account security" };

export default async function AccountSecurityPage() {
  const info = await getSessionInfo();
  if (!info) redirect(`/sign-in?next=${encodeURIComponent("/account/security")}`);
  const enabled = "twoFactorEnabled" in info.user && info.user.twoFactorEnabled === true;
  const staffMustUse2fa = info.actor?.side === "staff" && env.STAFF_2FA === "required";
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Home", href: "/" }, { label: "Account security" }]}
        title="Account security"
        description={
          <>
            Signed in as <span className="font-medium text-foreground">{info.user.name}</span> ({info.user.email})
            {info.roleLabel ? `, ${info.roleLabel}` : ""}.
          </>
        }
      />
      <div className="grid gap-6">
        <TwoFactorCard enabled={enabled} email={info.user.email} staffMustUse2fa={staffMustUse2fa} />
        <PasswordCard email={info.user.email} />
        <SessionsCard />
      </div>
    </>
  );
}
