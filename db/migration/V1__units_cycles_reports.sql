-- Jixiao's own tables, in schema jixiao (Flowable keeps its tables in public).

-- 地区: a county/district whose finance bureau (财政局) runs the evaluation cycles.
create table region (
  code text primary key,
  name text not null
);

-- 主管部门: the supervising department that guides its units (e.g. 卫生健康局).
create table bureau (
  code        text primary key,
  name        text not null,
  region_code text not null references region (code)
);

-- 预算单位: a budget unit that files one report package per year.
create table unit (
  code        text primary key,
  name        text not null,
  region_code text not null references region (code),
  bureau_code text not null references bureau (code),
  budget_code text
);
create index unit_region_idx on unit (region_code);
create index unit_bureau_idx on unit (bureau_code);

-- A template (模板): indicator levels, weights, grade bands and narrative outline, as data.
create table template (
  code       text primary key,
  name       text not null,
  definition jsonb not null
);

-- 评价周期: one evaluation year of one region, filled against one template, with stage due dates.
create table cycle (
  id            bigint generated always as identity primary key,
  region_code   text not null references region (code),
  year          int  not null check (year between 2000 and 2100),
  template_code text not null references template (code),
  draft_due     date,
  sign_due      date,
  guidance_due  date,
  review_due    date,
  publish_due   date,
  unique (region_code, year)
);

-- 绩效自评报告包: one per unit and year. Its stage lives in the Flowable process instance.
create table report (
  id                  uuid primary key,
  unit_code           text not null references unit (code),
  year                int  not null,
  cycle_id            bigint not null references cycle (id),
  latest_version      int  not null default 1,
  process_instance_id text,
  created_at          timestamptz not null default now(),
  created_by          text not null,
  unique (unit_code, year)
);
create index report_cycle_idx on report (cycle_id);

-- Every save is a new immutable version; the highest is the draft. Summary columns are
-- denormalised from the content so lists and dashboards need not read the documents.
create table report_version (
  report_id      uuid not null references report (id),
  version        int  not null,
  content        jsonb not null,
  content_hash   char(64) not null,
  total_score    numeric(7, 2),
  grade          text,
  review_total   numeric(7, 2),
  error_count    int not null,
  warning_count  int not null,
  created_at     timestamptz not null default now(),
  created_by     text not null,
  primary key (report_id, version)
);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'restrict_violation';
end $$;

create trigger report_version_immutable
  before update or delete on report_version
  for each row execute function refuse_change();
