-- Demo reference data: the regions, bureaus and units of the seed reports and their Keycloak demo
-- users, and open evaluation cycles. Production leaves classpath:db/demo out of spring.flyway.locations.
insert into region (code, name) values
  ('xintian', '新田县'), ('lingling', '零陵区'), ('gaocheng', '藁城区'), ('qiannan', '黔南州')
on conflict (code) do update set name = excluded.name;

insert into bureau (code, name, region_code) values
  ('xintian-wjj', '新田县卫生健康局', 'xintian'),
  ('lingling-wjj', '零陵区卫生健康局', 'lingling'),
  ('gaocheng-wjj', '藁城区卫生健康局', 'gaocheng'),
  ('qiannan-wjj', '黔南州卫生健康局', 'qiannan')
on conflict (code) do update set name = excluded.name, region_code = excluded.region_code;

insert into unit (code, name, region_code, bureau_code, budget_code) values
  ('xintian-jsx', '新田县计划生育协会', 'xintian', 'xintian-wjj', null),
  ('xintian-fyjk', '新田县妇幼保健计划生育服务中心', 'xintian', 'xintian-wjj', null),
  ('lingling-jsx', '零陵区计划生育协会', 'lingling', 'lingling-wjj', null),
  ('lingling-fyjk', '零陵区妇幼保健计划生育服务中心', 'lingling', 'lingling-wjj', null),
  ('gaocheng-jsx', '藁城区计划生育协会', 'gaocheng', 'gaocheng-wjj', '725001'),
  ('qiannan-jsx', '黔南州计划生育协会', 'qiannan', 'qiannan-wjj', null)
on conflict (code) do update set name = excluded.name, region_code = excluded.region_code,
  bureau_code = excluded.bureau_code, budget_code = excluded.budget_code;
