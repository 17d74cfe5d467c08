import { createTRPCRouter, staffProcedure } from "@/server/trpc/init";
import { brandingInput } from "./schema";
import { getProviderSettings, updateProviderSettings } from "./service";

/** Staff: the provider's own settings (branding on e-mails, report covers and the shell). */
export const providerRouter = createTRPCRouter({
  settings: staffProcedure.query(({ ctx }) => getProviderSettings(ctx)),
  updateBranding: staffProcedure.input(brandingInput).mutation(({ ctx, input }) => updateProviderSettings(ctx, input)),
});
