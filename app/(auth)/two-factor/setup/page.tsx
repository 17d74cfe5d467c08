import { redirect } from "next/navigation";
import { getSessionInfo } from "@/app/_lib/session";
import { SetupFlow } from "./setup-flow";

export const metadata = { title: "Set up two-factor authentication" };

export default async function TwoFactorSetupPage() {
  const info = await getSessionInfo();
  if (!info) redirect(`/sign-in?next=${encodeURIComponent("/two-factor/setup")}`);
  const enabled = "twoFactorEnabled" in info.user && info.user.twoFactorEnabled === true;
  return (
    <SetupFlow
      email={info.user.email}
      alreadyEnabled={enabled}
      required={info.needsTwoFactor}
      isStaff={info.actor?.side === "staff"}
    />
  );
}
