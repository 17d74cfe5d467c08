import { toNextJsHandler } from "better-auth/next-js";
import { getDatabase } from "@/db";
import { auth } from "@/server/auth/auth";

const handler = toNextJsHandler(auth);

export async function GET(req: Request) {
  await getDatabase();
  return handler.GET(req);
}
export async function POST(req: Request) {
  await getDatabase();
  return handler.POST(req);
}
