/**
 * SQL for row-level security, used by every subgraph's first migration. `app_can_see` is the one
 * predicate: a row is visible when the transaction runs in the platform scope, or in the row's
 * tenant. With no scope set it is false, so a forgotten scope returns nothing rather than everything.
 */
export const RLS_FUNCTION_SQL = `
create or replace function app_can_see(row_tenant_id uuid) returns boolean
language sql stable parallel safe as $$
  select coalesce(current_setting('app.scope', true), '') = 'platform'
      or row_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
$$;`;

/** Enables and forces RLS on a table whose tenant is in `column`. */
export function tenantIsolationSql(table: string, column = 'tenant_id'): string[] {
  return [
    `alter table "${table}" enable row level security`,
    `alter table "${table}" force row level security`,
    `create policy tenant_isolation on "${table}" using (app_can_see("${column}")) with check (app_can_see("${column}"))`,
  ];
}
