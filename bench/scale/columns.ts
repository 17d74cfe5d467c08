/** The columns each COPY stream writes, in the order the generators give the fields. */

// biome-ignore format: one table a line
export const ALERT_COLUMNS = [
  "id", "customer_id", "sensor_id", "api_key_id", "source", "dedup_key", "vendor_alert_id", "vendor_status", "product",
  "title", "description", "severity", "vendor_severity", "event_time", "original_event_time", "clock_skew",
  "vendor_created_at", "received_at", "last_seen_at", "occurrences", "techniques", "tactics", "entities", "truncated",
  "raw", "raw_pruned_at", "status", "verdict", "verdict_reason", "assignee_id", "acknowledged_at", "acknowledged_by",
  "triaged_at", "incident_id",
] as const;

// biome-ignore format: one table a line
export const INCIDENT_COLUMNS = {
  incidents: ["id", "customer_id", "number", "title", "summary", "severity", "status", "resume_status", "assignee_id",
    "visible_to_customer", "first_alert_received_at", "first_vendor_created_at", "first_event_time",
    "latest_event_time", "acknowledged_at", "customer_notified_at", "contained_at", "resolved_at", "closed_at",
    "close_reason", "contract_version_id", "created_by", "created_at", "updated_at"],
  events: ["id", "customer_id", "incident_id", "at", "kind", "visibility", "actor_type", "actor_id", "actor_label",
    "actor_side", "body", "data"],
  entities: ["customer_id", "incident_id", "key"],
  techniques: ["customer_id", "incident_id", "technique_id", "source", "created_at"],
  observables: ["id", "customer_id", "incident_id", "kind", "value", "source", "is_ioc", "created_at"],
  clocks: ["id", "customer_id", "incident_id", "contract_version_id", "metric", "severity", "target_minutes", "start_at",
    "pauses", "stop_at", "stopped_by", "due_at", "at_risk_due_at", "state", "elapsed_ms", "at_risk_at", "breached_at",
    "at_risk_notified_at", "breach_notified_at", "breached_assignee_id", "computed_at"],
  slaAlerts: ["id", "customer_id", "incident_id", "clock_id", "kind", "metric", "due_at", "created_at", "dismissed_at"],
  actions: ["id", "customer_id", "incident_id", "kind", "target", "reason", "status", "requested_by", "requested_at",
    "decided_by", "decided_at", "decision_note", "executed_at"],
} as const;
