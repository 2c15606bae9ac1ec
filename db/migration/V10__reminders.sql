-- Reminders and escalations (issue 11, items 2 and 3; io.jixiao.reminder). A Flowable boundary timer
-- on a task fires a reminder N days before its due date and an escalation once it is overdue; each
-- is recorded once per task (a task is one visit of a stage) and kind, however often its job runs
-- and on however many nodes: the key is what makes a second run do nothing.
create table reminder (
  id         bigserial primary key,
  task_id    text not null,
  kind       text not null check (kind in ('REMINDER', 'ESCALATION')),
  report_id  uuid not null references report (id),
  stage      text not null,
  due_date   date,
  fired_at   timestamptz not null,
  unique (task_id, kind)
);

-- What each recipient was told (the in-app list behind the bell) and whether the mail went out.
-- The mail is sent after the reminder's transaction commits (a rolled-back run sends nothing);
-- mailed_at / mail_error say how that went.
create table notification (
  id          bigserial primary key,
  reminder_id bigint not null references reminder (id),
  recipient   text not null,
  email       text,
  subject     text not null,
  body        text not null,
  link        text not null,
  created_at  timestamptz not null,
  read_at     timestamptz,
  mailed_at   timestamptz,
  mail_error  text,
  unique (reminder_id, recipient)
);
create index notification_recipient_idx on notification (recipient, id desc);
create index notification_unread_idx on notification (recipient) where read_at is null;

-- How many days before a task's due date its reminder goes out, per cycle; a cycle without a row: 3.
create table reminder_setting (
  cycle_id    bigint primary key references cycle (id),
  days_before int not null check (days_before between 1 and 60),
  version     int not null default 1,
  updated_at  timestamptz not null default now(),
  updated_by  text not null
);

-- A published package is judged against its own cycle's publication deadline (cycle.publication_days,
-- V8), frozen with it; packages published before keep the rule's 20 days.
alter table published_package add column publication_days int not null default 20
  check (publication_days between 1 and 365);

-- Reminders are facts: never changed or removed by the application.
do $$
begin
  if '${app_role}' <> current_user then
    execute format('revoke update, delete, truncate on reminder from %I', '${app_role}');
    execute format('revoke delete, truncate on notification from %I', '${app_role}');
  end if;
end $$;
