-- The official files of each published version (PDF and workbook), kept as first rendered. They are
-- rendered deterministically from published_package, but a later library, font or layout change
-- would render other bytes; stored, a downloaded file keeps verifying against its package forever.
create table published_document (
  report_id   uuid not null references report (id),
  version     int  not null,
  kind        text not null check (kind in ('PDF', 'XLSX')),
  file_name   text not null,
  bytes       bytea not null,
  sha256      char(64) not null,
  stored_at   timestamptz not null default now(),
  -- of a row of published_package (PackageDocuments renders only frozen versions); no foreign key to it,
  -- so that its own append-only trigger, not a key, is what refuses a TRUNCATE of published_package
  primary key (report_id, version, kind)
);
create index published_document_sha256_idx on published_document (sha256);

create trigger published_document_append_only before update or delete on published_document
  for each row execute function refuse_change();
create trigger published_document_no_truncate before truncate on published_document
  for each statement execute function refuse_change();

do $$
begin
  if '${app_role}' <> current_user then
    execute format('revoke update, delete, truncate on published_document from %I', '${app_role}');
  end if;
end $$;
