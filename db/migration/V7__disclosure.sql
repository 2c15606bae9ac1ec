-- 公开: each published version of a package, frozen as it was published. The public portal and the
-- open data API read only this table, so nothing a correction does afterwards (new versions, new
-- signatures, a new approval) can reach the public until the correction is itself published, which
-- adds a row here. Append-only, like the records it copies from (V2, V3).
create table published_package (
  report_id           uuid not null references report (id),
  version             int  not null,
  unit_code           text not null,
  unit_name           text not null,
  region_code         text not null,
  region_name         text not null,
  year                int  not null,
  template_code       text not null,
  -- the report_version's stored content, copied as stored (not rebuilt), and its SHA-256
  content             jsonb not null,
  content_hash        char(64) not null,
  -- summary, project summaries, suggestions and findings, as the rules computed them at publication
  evaluation          jsonb not null,
  total_score         numeric(7, 2),
  grade               text,
  review_total        numeric(7, 2),
  review_grade        text,
  -- 财政复核通过: the approval this publication rests on (the 20-day rule counts from it)
  approved_by         text not null,
  approved_at         timestamptz not null,
  -- 单位负责人签字: who signed which version of the unit's content, when (null: no signature found)
  signed_version      int,
  signed_content_hash char(64),
  signed_by           text,
  signed_at           timestamptz,
  published_by        text not null,
  published_at        timestamptz not null,
  frozen_at           timestamptz not null default now(),
  primary key (report_id, version)
);
create index published_package_hash_idx on published_package (content_hash);
create index published_package_list_idx on published_package (year desc, region_code, unit_code);

create trigger published_package_append_only before update or delete on published_package
  for each row execute function refuse_change();
create trigger published_package_no_truncate before truncate on published_package
  for each statement execute function refuse_change();

do $$
begin
  if '${app_role}' <> current_user then
    execute format('revoke update, delete, truncate on published_package from %I', '${app_role}');
  end if;
end $$;
