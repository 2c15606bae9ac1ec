-- Task queues page by keyset over (due, created, id), never by offset (OpenTasks, TaskCursor).
-- due_key: the due date, or a far date for tasks without one, so the order "due first, undated
-- last" is one plain btree order that a row comparison (due_key, created_at, task_id) > (…) can seek.
alter table open_task
  add column due_key timestamptz generated always as (coalesce(due_date, timestamptz '9999-12-31 00:00:00+00')) stored;

-- One index per kind of queue branch, each in the queue's order so a page reads only its own rows:
-- a role in one or a few units (preparer, unit head) seeks (role, unit) then walks in order;
-- a role in many units (a region's finance reviewer) or the administrators walk the role in order
-- and keep the rows of their units; "my tasks" walk the assignee in order.
drop index if exists open_task_claimable_idx;
drop index if exists open_task_assignee_idx;
create index open_task_claim_unit_idx on open_task (role, unit_code, due_key, created_at, task_id) where assignee is null;
create index open_task_claim_role_idx on open_task (role, due_key, created_at, task_id) include (unit_code) where assignee is null;
create index open_task_mine_idx on open_task (assignee, due_key, created_at, task_id) where assignee is not null;
