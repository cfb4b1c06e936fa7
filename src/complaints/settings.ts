/** A regency's complaint settings: the SLA clock, the sensitive unit and the abuse limits (all configurable). */
import { DEFAULT_ROUTING, type RoutingSettings } from "./routing.ts";
import { DEFAULT_SLA, type SlaSettings } from "./sla.ts";

export interface AbuseLimits {
  /** Complaints one phone number may file per 24 hours; a real complainant rarely files more than one or two. */
  perPhonePerDay: number;
  maxPhotos: number;
  maxDescriptionChars: number;
  /**
   * Public POSTs per address per minute. Generous: a whole village behind one carrier-grade NAT or the desa
   * office's Wi-Fi shares one address, and the limit must slow a script, never a queue of citizens.
   */
  perAddressPerMinute: number;
}

export const DEFAULT_LIMITS: AbuseLimits = {
  perPhonePerDay: 5,
  maxPhotos: 3,
  maxDescriptionChars: 4000,
  perAddressPerMinute: 60,
};

export interface ComplaintSettings {
  sla: SlaSettings;
  routing: RoutingSettings;
  limits: AbuseLimits;
}

export const DEFAULT_COMPLAINT_SETTINGS: ComplaintSettings = {
  sla: DEFAULT_SLA,
  routing: DEFAULT_ROUTING,
  limits: DEFAULT_LIMITS,
};
