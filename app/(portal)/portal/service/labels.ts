import type { AllowedAction } from "@/app/_lib/contract-terms";
import type { Metric, Tier } from "@/db/schema/contracts";
import type { SensorClass } from "@/db/schema/sensors";

/** The customer's words for contract terms (no provider jargon). */
export const TIER_PLAIN: Record<Tier, { name: string; description: string }> = {
  mdr: {
    name: "Managed detection and response (MDR)",
    description: "We watch your computers and servers for threats and respond when we find one.",
  },
  mndr: {
    name: "Managed network detection and response (MNDR)",
    description: "We watch your network traffic for threats and respond when we find one.",
  },
  mxdr: {
    name: "Managed extended detection and response (MXDR)",
    description:
      "We watch your computers, network, cloud, sign-ins and e-mail for threats and respond when we find one.",
  },
  mss: {
    name: "Managed security services (MSS)",
    description: "We monitor the security logs you send us during business hours and tell you what needs attention.",
  },
};

export const METRIC_PLAIN: Record<Metric, { column: string; meaning: string }> = {
  acknowledge: { column: "Pick up", meaning: "An analyst has started working on it." },
  notify: { column: "Tell you", meaning: "We have informed your escalation contacts." },
  contain: { column: "Contain", meaning: "The threat can no longer spread or do further harm." },
  resolve: { column: "Resolve", meaning: "The incident is dealt with and closed." },
};

export const ACTION_PLAIN: Record<AllowedAction, string> = {
  isolate_host: "Cut a compromised computer off the network (it keeps its connection to us)",
  disable_account: "Disable a compromised user account",
  block_indicator: "Block malicious addresses, domains and files",
};

export const CLASS_PLAIN: Record<SensorClass, string> = {
  edr: "Your computers and servers (endpoint agents)",
  ndr: "Your network traffic",
  xdr: "Detections forwarded by your security platforms",
  siem: "Log sources collected through your SIEM",
  cloud: "Your cloud platforms and accounts",
  identity: "Sign-ins and identity systems",
  email: "E-mail security",
};

/** Short class names for sentences ("an EDR sensor", "a cloud sensor"). */
export const CLASS_SHORT: Record<SensorClass, string> = {
  edr: "EDR",
  ndr: "NDR",
  xdr: "XDR",
  siem: "SIEM",
  cloud: "cloud",
  identity: "identity",
  email: "e-mail",
};

/** The article for CLASS_SHORT, by how the name is spoken. */
export const CLASS_ARTICLE: Record<SensorClass, "a" | "an"> = {
  edr: "an",
  ndr: "an",
  xdr: "an",
  siem: "a",
  cloud: "a",
  identity: "an",
  email: "an",
};
