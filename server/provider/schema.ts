import { z } from "zod";

const color = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour as #RRGGBB");

/** An SVG logo: a single <svg> document, no scripts, no event handlers, no external references. */
export const logoSvg = z
  .string()
  .trim()
  .max(100_000, "The logo may be at most 100 KB")
  .refine((s) => /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(s) && /<\/svg>\s*$/i.test(s), {
    message: "The logo must be an SVG document (<svg …>…</svg>)",
  })
  .refine((s) => !/<script|<foreignObject|\son[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*["'](?!#)/i.test(s), {
    message: "The logo may not contain scripts, event handlers or external links",
  });

export const brandingInput = z.object({
  name: z.string().trim().min(2, "Name the provider").max(80),
  legalName: z.string().trim().max(120).nullable(),
  primaryColor: color,
  accentColor: color,
  logoSvg: logoSvg.nullable(),
  supportEmail: z.email("Enter a valid e-mail address").nullable(),
});
export type BrandingInput = z.infer<typeof brandingInput>;
