-- Row-level security for the per-person SLA banner dismissals.
SELECT wk_enable_tenant_rls('sla_banner_dismissals');
