-- Registry (issue 19, benchmark harness): indexes on the referencing side of the economics
-- records' foreign keys. Without them every deleted member or record made PostgreSQL scan the
-- whole income-item (spending, sudden-cost, asset) table for rows that still reference it: the
-- harness's reference load, which deletes and reloads an organisation's rows, took over
-- 15 minutes at 100,000 households. The replaces indexes are partial (only corrections carry it).
CREATE INDEX registry_income_item_member_idx ON registry_income_item (member_id);
CREATE INDEX registry_income_item_replaces_idx ON registry_income_item (replaces) WHERE replaces IS NOT NULL;
CREATE INDEX registry_spending_replaces_idx ON registry_spending (replaces) WHERE replaces IS NOT NULL;
CREATE INDEX registry_sudden_cost_replaces_idx ON registry_sudden_cost (replaces) WHERE replaces IS NOT NULL;
CREATE INDEX registry_asset_replaces_idx ON registry_asset (replaces) WHERE replaces IS NOT NULL;
