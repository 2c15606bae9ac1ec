-- Cycle administration (issue 11, item 1). A region may run more than one cycle in a year (one per
-- template), but a unit is in at most one cycle of a year. Cycles opened from the administration
-- list their units (cycle_unit); cycles seeded before (demo, older installations) keep covering
-- every unit of their region (all_units).
alter table cycle drop constraint cycle_region_code_year_key;
alter table cycle add constraint cycle_region_year_template_key unique (region_code, year, template_code);
alter table cycle add constraint cycle_id_year_key unique (id, year);

alter table cycle
  add column all_units        boolean not null default true,
  add column publication_days int not null default 20 check (publication_days between 1 and 365),
  add column opened_at        timestamptz not null default now(),
  add column opened_by        text,
  add column closed_at        timestamptz,
  add column closed_by        text;

-- The units a listed cycle includes; (unit_code, year) is unique: one cycle per unit and year.
create table cycle_unit (
  cycle_id  bigint not null,
  year      int    not null,
  unit_code text   not null references unit (code),
  added_at  timestamptz not null default now(),
  added_by  text   not null,
  primary key (cycle_id, unit_code),
  unique (unit_code, year),
  foreign key (cycle_id, year) references cycle (id, year)
);

-- A unit once included stays included: no updates or deletes by the application.
do $$
begin
  if '${app_role}' <> current_user then
    execute format('revoke update, delete, truncate on cycle_unit from %I', '${app_role}');
  end if;
end $$;
