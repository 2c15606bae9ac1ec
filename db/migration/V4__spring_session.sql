-- Page sessions (Spring Session JDBC), shared by every app node: a browser's session cookie is
-- honoured by whichever node its next request reaches. Spring Session's PostgreSQL schema, in
-- schema jixiao (spring.session.jdbc.table-name: jixiao.spring_session). Rows come and go:
-- expired sessions are deleted by every node's clean-up job (an idempotent delete).
create table spring_session (
  primary_id            char(36) not null,
  session_id            char(36) not null,
  creation_time         bigint not null,
  last_access_time      bigint not null,
  max_inactive_interval int not null,
  expiry_time           bigint not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);

-- Which page session belongs to which Keycloak session (the ID token's sid), so that a
-- back-channel logout reaching any node ends the page session whichever node it began on
-- (io.jixiao.security.JdbcOidcSessionRegistry). No foreign key: a session's id changes at login
-- before Spring Session stores it; rows whose session is gone are removed as new ones arrive.
create table oidc_session (
  session_id  text primary key,
  issuer      text not null,
  sid         text,
  subject     text not null,
  information bytea not null,
  created_at  timestamptz not null default now()
);
create index oidc_session_sid_idx on oidc_session (issuer, sid);
create index oidc_session_subject_idx on oidc_session (issuer, subject);
