import { redirect } from "next/navigation";
import { getSessionInfo, homeOf } from "@/app/_lib/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  const info = await getSessionInfo();
  redirect(info ? homeOf(info) : "/sign-in");
}
