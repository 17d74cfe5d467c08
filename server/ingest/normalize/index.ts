/** One normaliser per intake source (`POST /api/ingest/{source}`). */
import type { Normalizer, SourceFormat } from "../types";
import { normalizeCrowdstrike } from "./crowdstrike";
import { normalizeDefender } from "./defender";
import { normalizeOcsf } from "./ocsf";
import { normalizeSentinelone } from "./sentinelone";
import { normalizeSuricata } from "./suricata";
import { normalizeWazuh } from "./wazuh";
import { normalizeZeek } from "./zeek";

export const normalizers: Record<SourceFormat, Normalizer> = {
  ocsf: normalizeOcsf,
  crowdstrike: normalizeCrowdstrike,
  sentinelone: normalizeSentinelone,
  defender: normalizeDefender,
  suricata: normalizeSuricata,
  zeek: normalizeZeek,
  wazuh: normalizeWazuh,
};

export {
  normalizeCrowdstrike,
  normalizeDefender,
  normalizeOcsf,
  normalizeSentinelone,
  normalizeSuricata,
  normalizeWazuh,
  normalizeZeek,
};
