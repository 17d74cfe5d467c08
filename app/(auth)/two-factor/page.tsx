import { redirect } from "next/navigation";
import { getSessionInfo, homeOf } from "@/app/_lib/session";
import { AuthCard } from "../_components/auth-card";
import { TwoFactorForm } from "./two-factor-form";

export const metadata = { title: "Two-factor check" };

export default async function TwoFactorPage() {
  const info = await getSessionInfo();
  if (info?.actor) redirect(homeOf(info));
  return (
    <AuthCard title="Two-factor check" description="Your password was correct. Now confirm it is you.">
      <TwoFactorForm />
    </AuthCard>
  );
}
