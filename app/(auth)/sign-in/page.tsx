import { redirect } from "next/navigation";
import { getSessionInfo, homeOf } from "@/app/_lib/session";
import { AuthCard } from "../_components/auth-card";
import { firstParam, safeNextPath } from "../_lib/auth-errors";
import { SignInForm } from "./sign-in-form";

export const metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const next = safeNextPath(firstParam(params.next));
  const info = await getSessionInfo();
  // Signed in with an organisation: nothing to do here.
  if (info?.actor) redirect(next !== "/" ? next : homeOf(info));

  // Signed in but attached to no organisation (removed, or set up by hand): say so instead of looping.
  const noMembership = firstParam(params.error) === "no-membership" || Boolean(info && !info.actor);

  return (
    <AuthCard title="Sign in" description="Use the e-mail address and password for your account.">
      <SignInForm
        next={next}
        noMembership={noMembership}
        signedInEmail={info && !info.actor ? info.user.email : null}
      />
    </AuthCard>
  );
}
