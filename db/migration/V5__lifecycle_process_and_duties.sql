-- The engine's process instance is the workflow module's business, not the report's: it moves
-- out of jixiao.report into a table of its own, which also records when the process ended
-- (published), so a package's stage is one query over our tables, never an engine call.
create table lifecycle_process (
  report_id           uuid primary key references report (id),
  process_instance_id text not null unique,
  started_at          timestamptz not null default now(),
  ended_at            timestamptz
);

insert into lifecycle_process (report_id, process_instance_id, ended_at)
select r.id, r.process_instance_id,
       (select max(p.published_at) from publication p where p.report_id = r.id
         and not exists (select 1 from open_task t where t.report_id = r.id))
  from report r where r.process_instance_id is not null;

alter table report drop column process_instance_id;

-- Separation of duties (职责分离): whoever submitted a version never signs it. Where a unit is so
-- small that its head also fills in the forms, the cycle may allow the head to sign a version they
-- wrote themselves (still not one they submitted).
alter table cycle add column head_may_prepare boolean not null default false;
