-- The lifecycle's own records. The stage itself is Flowable's; these keep what it does not:
-- who signed which content, what reviewers said, what was published, and a tamper-proof trail.

-- Open user tasks, projected from Flowable's task events in the same transaction, so queues are
-- one indexed query instead of per-row engine calls.
create table open_task (
  task_id      text primary key,
  report_id    uuid not null references report (id),
  unit_code    text not null,
  year         int  not null,
  stage        text not null,
  role         text not null,
  assignee     text,
  created_at   timestamptz not null,
  due_date     timestamptz
);
create index open_task_claimable_idx on open_task (role, unit_code, due_date) where assignee is null;
create index open_task_assignee_idx on open_task (assignee, due_date) where assignee is not null;
create index open_task_report_idx on open_task (report_id);

-- 单位负责人签字: binds to the hash of the unit's content of one version.
create table signature (
  id           bigint generated always as identity primary key,
  report_id    uuid not null references report (id),
  version      int  not null,
  content_hash char(64) not null,
  signer       text not null,
  signed_at    timestamptz not null default now()
);
create index signature_report_idx on signature (report_id, id desc);

-- 审核指导意见: a reviewer's comment on the package, a section or a row of one version.
create table review_comment (
  id          bigint generated always as identity primary key,
  report_id   uuid not null references report (id),
  version     int  not null,
  stage       text not null,
  path        text,
  body        text not null,
  author      text not null,
  created_at  timestamptz not null default now(),
  resolved_by text,
  resolved_at timestamptz
);
create index review_comment_report_idx on review_comment (report_id, id);

-- 财政复核通过 and 公开: the version finance approved, and when it was published.
create table approval (
  id           bigint generated always as identity primary key,
  report_id    uuid not null references report (id),
  version      int  not null,
  content_hash char(64) not null,
  approved_by  text not null,
  approved_at  timestamptz not null default now()
);
create index approval_report_idx on approval (report_id, id desc);

create table publication (
  id           bigint generated always as identity primary key,
  report_id    uuid not null references report (id),
  version      int  not null,
  content_hash char(64) not null,
  published_by text not null,
  published_at timestamptz not null default now()
);
create index publication_report_idx on publication (report_id, id desc);

-- The audit trail: every creation, save, claim, transition, signature, comment and publication.
create table audit_event (
  id           bigint generated always as identity primary key,
  report_id    uuid not null references report (id),
  at           timestamptz not null default clock_timestamp(),
  actor        text not null,
  kind         text not null,
  stage_from   text,
  stage_to     text,
  outcome      text,
  comment      text,
  version      int,
  content_hash char(64),
  task_id      text
);
create index audit_event_report_idx on audit_event (report_id, id);

create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function refuse_change();
create trigger signature_append_only before update or delete on signature
  for each row execute function refuse_change();
create trigger approval_append_only before update or delete on approval
  for each row execute function refuse_change();
create trigger publication_append_only before update or delete on publication
  for each row execute function refuse_change();
