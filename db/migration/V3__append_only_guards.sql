-- Append-only means append-only for everyone, the tables' owner included: row triggers do not see
-- TRUNCATE, so each append-only table also refuses it (statement level), and review comments keep
-- their text, author and version once written (only their resolution may be recorded, once).
-- The app connects as ${app_role}, which owns none of our tables and holds only what it needs.

create trigger report_version_no_truncate before truncate on report_version
  for each statement execute function refuse_change();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function refuse_change();
create trigger signature_no_truncate before truncate on signature
  for each statement execute function refuse_change();
create trigger approval_no_truncate before truncate on approval
  for each statement execute function refuse_change();
create trigger publication_no_truncate before truncate on publication
  for each statement execute function refuse_change();
create trigger review_comment_no_truncate before truncate on review_comment
  for each statement execute function refuse_change();

create function guard_review_comment() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
     and old.resolved_by is null and old.resolved_at is null
     and new.resolved_by is not null and new.resolved_at is not null
     and to_jsonb(new) - 'resolved_by' - 'resolved_at' = to_jsonb(old) - 'resolved_by' - 'resolved_at' then
    return new;
  end if;
  raise exception 'review_comment is append-only: % refused (only an open comment''s resolution may be set, once)',
    tg_op using errcode = 'restrict_violation';
end $$;

create trigger review_comment_guard before update or delete on review_comment
  for each row execute function guard_review_comment();

-- The app's login role. Created here (without login) where the deployment did not create it;
-- the embedded database and docker-compose create it beforehand, with login.
do $$
begin
  if not exists (select from pg_roles where rolname = '${app_role}') then
    execute format('create role %I nologin', '${app_role}');
  end if;
end $$;

do $$
declare
  app text := '${app_role}';
  t record;
begin
  if app = current_user then
    return; -- one role for both: nothing to separate (README "Security")
  end if;
  execute format('grant usage on schema jixiao to %I', app);
  execute format('grant select, insert, update, delete on all tables in schema jixiao to %I', app);
  execute format('grant usage, select on all sequences in schema jixiao to %I', app);
  -- Tables later migrations add: the same, unless they revoke (as below) what they must not allow.
  execute format('alter default privileges in schema jixiao grant select, insert, update, delete on tables to %I', app);
  execute format('alter default privileges in schema jixiao grant usage, select on sequences to %I', app);
  execute format('revoke all on flyway_schema_history from %I', app);
  execute format('revoke insert, update, delete, truncate on region, bureau, unit from %I', app);
  execute format('revoke update, delete, truncate on template from %I', app);
  execute format('revoke update, delete, truncate on report_version, audit_event, signature, approval, publication from %I', app);
  -- Resolving a comment is an UPDATE (the trigger lets only that through).
  execute format('revoke delete, truncate on review_comment from %I', app);

  -- Flowable creates and upgrades its own tables in public (database-schema-update), so the app
  -- owns them. Tables an earlier start created as this role are handed over where this role may.
  execute format('grant usage, create on schema public to %I', app);
  if (select rolsuper from pg_roles where rolname = current_user) or pg_has_role(current_user, app, 'MEMBER') then
    for t in select tablename from pg_tables where schemaname = 'public' and tableowner = current_user loop
      execute format('alter table public.%I owner to %I', t.tablename, app);
    end loop;
  else
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
  end if;
end $$;
