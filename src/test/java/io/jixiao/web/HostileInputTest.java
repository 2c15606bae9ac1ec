package io.jixiao.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jixiao.support.ApiTest;
import io.jixiao.support.PageSession;
import io.jixiao.support.Packages;
import io.jixiao.support.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Malformed and hostile requests, sent as raw bytes over a socket (so invalid UTF-8, chunked
 * bodies and lying headers reach the server as written): each gets the expected 4xx, a problem
 * detail where the API answers, no exception text, and nothing is written. The row counts of our
 * tables and the engine's are compared before and after every case and after the whole batch.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileInputTest {

  static final int CAP = 2 * 1024 * 1024;

  @Autowired RestTestClient http;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired WebServerApplicationContext server;
  @LocalServerPort int port;

  String report;
  int version;
  String session;
  String csrf;
  Map<String, Long> before;

  final String preparer = TestTokens.of("xintian.preparer");
  final String finance = TestTokens.of("xintian.finance");
  final String otherUnit = TestTokens.of("lingling.preparer");

  @BeforeAll
  void onePackageAndAPageSession() {
    Packages packages = Packages.withTestTokens(http, json);
    report = packages.createFilled(Packages.freshYear(jdbc));
    version = packages.version(report);
    session = PageSession.of(server, "xintian.preparer");
    Response page = send(Request.get("/reports/" + report).cookie(session));
    assertThat(page.status).as(page.text()).isEqualTo(200);
    Matcher token = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.text());
    assertThat(token.find()).as("the page carries a CSRF token").isTrue();
    csrf = token.group(1);
    before = rowCounts();
  }

  // ---------------------------------------------------------------------------------------------
  // The cases

  Stream<Arguments> cases() {
    List<Case> cases = new ArrayList<>();
    String put = "/api/reports/" + report;

    // Numbers: bounded in digits and scale before anything adds, hashes or stores them.
    cases.add(content("huge negative exponent", "{\"overall\":{\"statedTotal\":1e-99999999}}", "overall.statedTotal"));
    cases.add(content("huge positive exponent", "{\"overall\":{\"statedTotal\":1e99999999}}", "overall.statedTotal"));
    cases.add(content("exponent at int limit", "{\"overall\":{\"statedTotal\":1E+2147483647}}", "overall.statedTotal"));
    cases.add(content("exponent beyond int", "{\"overall\":{\"statedTotal\":1E+99999999999}}", null));
    cases.add(content("huge exponent as a string", "{\"overall\":{\"statedTotal\":\"1e-99999999\"}}", "overall.statedTotal"));
    // 0E-99999999 is read as 0 (no digits to expand); the overlong title makes the save fail validation.
    cases.add(content("zero with huge scale", "{\"overall\":{\"title\":\"" + "a".repeat(301)
        + "\",\"funds\":[{\"line\":\"TOTAL\",\"executed\":0E-99999999}]}}", null).status(400, "invalid-input"));
    cases.add(content("22 integer digits", "{\"overall\":{\"funds\":[{\"line\":\"TOTAL\",\"executed\":1234567890123456789012}]}}",
        "overall.funds[0].executed"));
    cases.add(content("scale 6", "{\"overall\":{\"funds\":[{\"line\":\"TOTAL\",\"executed\":1.000001}]}}",
        "overall.funds[0].executed"));
    cases.add(content("17 integer digits for money", "{\"overall\":{\"funds\":[{\"line\":\"TOTAL\",\"executed\":12345678901234567}]}}",
        null).status(400, "invalid-input"));
    cases.add(content("100-digit number", "{\"overall\":{\"statedTotal\":" + "9".repeat(100) + "}}", null));
    cases.add(content("100 000 digits in a string", "{\"overall\":{\"statedTotal\":\"" + "9".repeat(100_000) + "\"}}",
        "overall.statedTotal"));
    cases.add(content("weight above 100", "{\"overall\":{\"indicators\":[{\"level1\":\"OUTPUT\",\"weight\":999}]}}", null)
        .status(400, "invalid-input"));
    cases.add(content("negative stated total", "{\"overall\":{\"statedTotal\":-0.5}}", null).status(400, "invalid-input"));
    cases.add(content("NaN", "{\"overall\":{\"statedTotal\":NaN}}", null));
    cases.add(content("establishment 1e20", "{\"basicData\":{\"establishment\":1e20}}", "basicData.establishment"));
    cases.add(content("narrative figure 1e-99999", "{\"narrative\":[{\"key\":\"basic\",\"figures\":[{\"amount\":1e-99999}]}]}",
        "narrative[0].figures[0].amount"));
    cases.add(content("narrative part 1e99999", "{\"narrative\":[{\"key\":\"basic\",\"figures\":[{\"parts\":[1e99999]}]}]}",
        "narrative[0].figures[0].parts[0]"));
    cases.add(Case.api("review score 1e-99999999", Request.json("PUT", put + "/review-scores", finance,
        "{\"scores\":{\"overall.indicators[0]\":1e-99999999}}"), 400, "malformed-body", "scores"));
    cases.add(Case.api("review score of 50 000 digits", Request.json("PUT", put + "/review-scores", finance,
        "{\"scores\":{\"overall.indicators[0]\":\"" + "1".repeat(50_000) + "\"}}"), 400, "malformed-body", "scores"));

    // Structure and types.
    cases.add(content("nesting 40 deep", "{\"overall\":{\"title\":" + "[".repeat(40) + "]".repeat(40) + "}}", null));
    cases.add(content("nesting 100 000 deep", "[".repeat(100_000) + "]".repeat(100_000), null));
    cases.add(content("duplicate top-level key", "{\"overall\":{\"title\":\"a\"},\"overall\":{\"title\":\"b\"}}", null));
    cases.add(content("duplicate inner key", "{\"overall\":{\"title\":\"a\",\"title\":\"b\"}}", null));
    cases.add(content("object as a string", "{\"overall\":\"x\"}", "overall"));
    cases.add(content("object instead of a list", "{\"overall\":{\"indicators\":{\"level1\":\"OUTPUT\"}}}", "overall.indicators"));
    cases.add(content("unknown funds line", "{\"overall\":{\"funds\":[{\"line\":\"NOT_A_LINE\"}]}}", "overall.funds[0].line"));
    cases.add(content("impossible date", "{\"filling\":{\"date\":\"2023-02-30\"}}", "filling.date"));
    cases.add(content("text for a count", "{\"basicData\":{\"establishment\":\"abc\"}}", "basicData.establishment"));
    cases.add(content("list for a count", "{\"basicData\":{\"establishment\":[5]}}", "basicData.establishment"));
    cases.add(content("not JSON", "not json", null));
    cases.add(content("empty body", "", null));
    cases.add(content("truncated JSON", "{\"overall\":{", null));
    cases.add(content("a list as the package", "[]", null));
    cases.add(content("201 indicator rows",
        "{\"overall\":{\"indicators\":[" + String.join(",", java.util.Collections.nCopies(201, "{\"level1\":\"OUTPUT\"}"))
            + "]}}", null).status(400, "invalid-input"));
    cases.add(content("title of 301 characters", "{\"overall\":{\"title\":\"" + "a".repeat(301) + "\"}}", null)
        .status(400, "invalid-input"));
    cases.add(content("string of 1.5 MB", "{\"overall\":{\"title\":\"" + "a".repeat(1_500_000) + "\"}}", null));
    cases.add(content("field name of 2000 characters", "{\"" + "a".repeat(2000) + "\":1}", null));

    // Characters.
    cases.add(content("NUL in a title", "{\"overall\":{\"title\":\"a\\u0000b\"}}", "overall.title"));
    cases.add(content("BEL in narrative text", "{\"narrative\":[{\"key\":\"basic\",\"text\":\"a\\u0007b\"}]}",
        "narrative[0].text"));
    cases.add(content("lone surrogate", "{\"overall\":{\"title\":\"a\\ud800b\"}}", "overall.title"));
    cases.add(content("raw NUL byte in a string", "{\"overall\":{\"title\":\"a\u0000b\"}}", null));
    cases.add(Case.api("NUL in a comment", Request.json("POST", put + "/comments", preparer, "{\"body\":\"a\\u0000b\"}"),
        400, "malformed-body", "body"));
    cases.add(Case.api("NUL in a unit code", Request.json("POST", "/api/reports", preparer,
        "{\"unitCode\":\"xintian-jsx\\u0000\",\"year\":2090}"), 400, "malformed-body", "unitCode"));
    cases.add(Case.api("invalid UTF-8", Request.bytes("PUT", put, preparer, "application/json",
        utf8("{\"overall\":{\"title\":\"", new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}}")).ifMatch(version),
        400, "malformed-body", null));
    cases.add(Case.api("overlong UTF-8 NUL", Request.bytes("PUT", put, preparer, "application/json",
        utf8("{\"overall\":{\"title\":\"", new byte[] {(byte) 0xC0, (byte) 0x80}, "\"}}")).ifMatch(version),
        400, "malformed-body", null));
    cases.add(Case.api("truncated UTF-8 sequence", Request.bytes("PUT", put, preparer, "application/json",
        utf8("{\"overall\":{\"title\":\"", new byte[] {(byte) 0xE6, (byte) 0x96}, "\"}}")).ifMatch(version),
        400, "malformed-body", null));
    cases.add(Case.api("NUL in a query parameter", Request.get("/api/reports?unitCode=%00").bearer(preparer),
        400, "invalid-parameter", null));
    cases.add(Case.api("text for a year parameter", Request.get("/api/reports?year=abc").bearer(preparer),
        400, "bad-request", "year"));
    cases.add(Case.api("year beyond int", Request.get("/api/reports?year=99999999999").bearer(preparer),
        400, "bad-request", "year"));
    cases.add(Case.api("year as text in a new package", Request.json("POST", "/api/reports", preparer,
        "{\"unitCode\":\"xintian-jsx\",\"year\":\"abc\"}"), 400, "malformed-body", "year"));
    cases.add(Case.api("year beyond int in a new package", Request.json("POST", "/api/reports", preparer,
        "{\"unitCode\":\"xintian-jsx\",\"year\":99999999999}"), 400, "malformed-body", "year"));
    cases.add(Case.api("bad task outcome", Request.json("POST", "/api/tasks/no-such-task/complete", preparer,
        "{\"outcome\":\"NOPE\"}"), 400, "malformed-body", "outcome"));
    cases.add(Case.api("If-Match that is no ETag", Request.json("PUT", put, preparer, "{}").header("If-Match", "abc"),
        400, "bad-request", null));
    cases.add(Case.api("If-Match beyond int", Request.json("PUT", put, preparer, "{}")
        .header("If-Match", "\"99999999999\""), 400, "bad-request", null));

    // Sizes.
    // Refused on the header alone, before the body is sent (as curl asks for large uploads).
    cases.add(Case.api("Content-Length over the cap", Request.bytes("PUT", put, preparer, "application/json", new byte[0])
        .ifMatch(version).header("Content-Length", String.valueOf(CAP + 1)).header("Expect", "100-continue"),
        413, "too-large", null));
    // Valid JSON all the way (short strings in an unknown field), so only the size can stop it.
    String padding = String.join(",", java.util.Collections.nCopies(CAP / 1000 + 100, "\"" + "a".repeat(1000) + "\""));
    cases.add(Case.api("chunked body over the cap", Request.json("PUT", put, preparer,
        "{\"overall\":{\"title\":\"x\"},\"padding\":[" + padding + "]}").ifMatch(version).asChunks(),
        413, "too-large", null));
    cases.add(Case.api("multipart over the cap", Request.bytes("PUT", put, preparer, "multipart/form-data; boundary=b",
        multipart(CAP + 1000)).ifMatch(version), 413, "too-large", null));
    cases.add(Case.api("chunked multipart over the cap", Request.bytes("PUT", put, preparer,
        "multipart/form-data; boundary=b", multipart(CAP + 1000)).ifMatch(version).asChunks(),
        415, "unsupported-media-type", null));
    cases.add(Case.api("small multipart", Request.bytes("PUT", put, preparer, "multipart/form-data; boundary=b",
        multipart(100)).ifMatch(version), 415, "unsupported-media-type", null));
    // Issue 14: multipart is parsed on a draft's import alone (MultipartGate), and refused (415) everywhere else.
    cases.add(Case.api("multipart on the import: parsed, not a workbook", Request.bytes("POST",
        put + "/import?preview=true", preparer, "multipart/form-data; boundary=b", multipart(100)),
        400, "invalid-workbook", null));
    cases.add(Case.api("multipart on the import, over the cap", Request.bytes("POST", put + "/import?preview=true",
        preparer, "multipart/form-data; boundary=b", multipart(CAP + 1000)), 413, "too-large", null));
    cases.add(Case.api("chunked multipart on the import, over the cap", Request.bytes("POST",
        put + "/import?preview=true", preparer, "multipart/form-data; boundary=b", multipart(CAP + 1000)).asChunks(),
        413, "too-large", null));
    cases.add(Case.api("multipart to create a package", Request.bytes("POST", "/api/reports", preparer,
        "multipart/form-data; boundary=b", multipart(100)), 415, "unsupported-media-type", null));
    cases.add(Case.api("multipart PUT on the import path", Request.bytes("PUT", put + "/import", preparer,
        "multipart/form-data; boundary=b", multipart(100)), 415, "unsupported-media-type", null));
    cases.add(Case.api("mixed multipart on a comment", Request.bytes("POST", put + "/comments", preparer,
        "multipart/mixed; boundary=b", multipart(100)), 415, "unsupported-media-type", null));
    cases.add(Case.api("text/plain body", Request.bytes("PUT", put, preparer, "text/plain",
        "{}".getBytes(StandardCharsets.UTF_8)).ifMatch(version), 415, "unsupported-media-type", null));
    cases.add(Case.api("XML body", Request.bytes("PUT", put, preparer, "application/xml",
        "<a/>".getBytes(StandardCharsets.UTF_8)).ifMatch(version), 415, "unsupported-media-type", null));
    cases.add(Case.api("no content type", Request.bytes("PUT", put, preparer, null,
        "{}".getBytes(StandardCharsets.UTF_8)).ifMatch(version), 415, "unsupported-media-type", null));

    // Methods and paths.
    cases.add(Case.api("DELETE a package", Request.get(put).method("DELETE").bearer(preparer), 405, "method-not-allowed", null));
    cases.add(Case.api("PATCH a package", Request.json("PATCH", put, preparer, "{}"), 405, "method-not-allowed", null));
    cases.add(Case.api("id that is no UUID", Request.get("/api/reports/not-a-uuid").bearer(preparer), 400, "bad-request", "id"));
    cases.add(Case.api("version that is no number", Request.get(put + "/versions/abc").bearer(preparer),
        400, "bad-request", "version"));
    cases.add(Case.api("version beyond int", Request.get(put + "/versions/99999999999").bearer(preparer),
        400, "bad-request", "version"));
    cases.add(Case.api("version that does not exist", Request.get(put + "/versions/999").bearer(preparer),
        404, "not-found", null));
    cases.add(Case.api("unknown API path", Request.get("/api/nope").bearer(preparer), 404, "not-found", null));
    cases.add(Case.api("unknown package", Request.get("/api/reports/" + UUID.randomUUID()).bearer(preparer),
        404, "not-found", null));
    cases.add(Case.status("NUL in the path", Request.get("/api/reports/%00").bearer(preparer), 400));
    cases.add(Case.status("encoded slash in the path", Request.get("/api/reports/..%2F..%2Fetc").bearer(preparer), 400));

    cases.add(Case.status("HTML asked of the API", Request.get(put).bearer(preparer).header("Accept", "text/html"), 406));
    cases.add(Case.status("URL of 100 000 characters", Request.get("/api/reports?unitCode=" + "a".repeat(100_000))
        .bearer(preparer), 400));

    // Another unit's package: not there, so its existence is not revealed.
    cases.add(Case.api("read another unit's package", Request.get(put).bearer(otherUnit), 404, "not-found", null));
    cases.add(Case.api("save another unit's package", Request.json("PUT", put, otherUnit, "{}").ifMatch(version),
        404, "not-found", null));
    cases.add(Case.api("comment on another unit's package", Request.json("POST", put + "/comments", otherUnit,
        "{\"body\":\"看看\"}"), 404, "not-found", null));
    cases.add(Case.api("versions of another unit's package", Request.get(put + "/versions").bearer(otherUnit),
        404, "not-found", null));
    cases.add(Case.api("create in another unit", Request.json("POST", "/api/reports", otherUnit,
        "{\"unitCode\":\"xintian-jsx\",\"year\":2091}"), 404, "not-found", null));

    // Tokens.
    cases.add(token("no token", null));
    cases.add(token("garbage token", "abc"));
    cases.add(token("alg none", unsigned(preparer)));
    cases.add(token("expired", TestTokens.sign(claims(), TestTokens.ISSUER, List.of("jixiao-api"),
        Instant.now().minusSeconds(3600))));
    cases.add(token("not yet valid", signedWith(Map.of("nbf", Date.from(Instant.now().plusSeconds(3600))))));
    cases.add(token("wrong issuer", TestTokens.sign(claims(), "http://evil.test.invalid/realms/jixiao",
        List.of("jixiao-api"), Instant.now().plusSeconds(600))));
    cases.add(token("another client's token", TestTokens.sign(Map.of("preferred_username", "xintian.preparer",
        "azp", "jixiao-web", "realm_access", Map.of("roles", List.of("preparer")), "units", List.of("xintian-jsx")),
        TestTokens.ISSUER, List.of("jixiao-web"), Instant.now().plusSeconds(600))));
    cases.add(token("wrong audience", TestTokens.sign(claims(), TestTokens.ISSUER, List.of("account"),
        Instant.now().plusSeconds(600))));
    cases.add(token("signed with another key", foreignKey()));
    cases.add(token("payload swapped", swappedPayload(preparer)));
    cases.add(token("HS256 with the public key as secret", hmacWithPublicKey()));
    cases.add(Case.api("basic auth", Request.get(put).header("Authorization", "Basic YWRtaW46YWRtaW4="),
        401, "unauthorized", null));

    // Page forms: indexes bounded by the table's row cap, conflicting fields, NUL, bad parameters.
    String page = "/reports/" + report;
    cases.add(Case.status("index 2 000 000 000", form(page + "/preview", "overall.indicators[2000000000].name", "x"), 400));
    cases.add(Case.status("index beyond int", form(page + "/preview", "overall.indicators[99999999999].name", "x"), 400));
    cases.add(Case.status("index just past the cap", form(page + "/preview", "overall.indicators[200].name", "x"), 400));
    cases.add(Case.status("value and group at once", form(page + "/preview", "overall", "x", "overall.a", "y"), 400));
    cases.add(Case.status("list and group at once", form(page + "/preview", "overall.indicators.x", "y",
        "overall.indicators[0].name", "x"), 400));
    cases.add(Case.status("path 10 000 deep", form(page + "/preview", "overall" + ".a".repeat(10_000), "x"), 400));
    cases.add(Case.status("too many acknowledgements", form(page + "/preview",
        Stream.iterate(0, i -> i + 1).limit(2 * 5001).map(i -> i % 2 == 0 ? "ack" : "k" + i).toArray(String[]::new)),
        400));
    // Not refused: a big package's editor has more fields than Tomcat's default of 1000 allows.
    cases.add(Case.page("1 400 fields of a big package", form(page + "/preview", indicatorRows(200)), 200,
        "id=\"total-score\">110.00")); // 200 rows × 0.5, every row read, + the stored funds' execution score
    cases.add(Case.page("huge exponent in a form", form(page + "/preview", "overall.statedTotal", "1e-99999999"),
        200, "表单中有无法识别的数字"));
    cases.add(Case.page("22 digits in a form", form(page + "/preview", "overall.funds[0].line", "TOTAL",
        "overall.funds[0].executed", "1234567890123456789012"), 200, "表单中有无法识别的数字"));
    cases.add(Case.page("index past the cap on save", form(page + "/edit", "version", String.valueOf(version),
        "overall.indicators[500].name", "x"), 400, null));
    cases.add(Case.page("row operation beyond int", form(page + "/edit", "version", String.valueOf(version),
        "op", "remove:overall.indicators[99999999999]"), 200, null));
    cases.add(Case.page("row operation on no list", form(page + "/edit", "version", String.valueOf(version),
        "op", "up:overall.indicators[0"), 200, null));
    cases.add(Case.page("review score 1e-99999999 from the page", form(page + "/review-scores",
        "review.overall.indicators[0]", "1e-99999999"), 302, null));
    cases.add(Case.status("multipart on a page form", Request.bytes("POST", page + "/edit", null,
        "multipart/form-data; boundary=b", multipart(100)).cookie(session), 415));
    cases.add(Case.status("NUL in a form field", form(page + "/preview", "overall.title", "a\u0000b"), 400));
    cases.add(Case.status("NUL in a comment from the page", form(page + "/comments", "body", "a\u0000b"), 400));
    cases.add(Case.status("page id that is no UUID", Request.get("/reports/not-a-uuid").cookie(session), 400));
    cases.add(Case.status("page of an unknown package", Request.get("/reports/" + UUID.randomUUID()).cookie(session), 404));
    cases.add(Case.status("unknown page", Request.get("/nope").cookie(session), 404));
    cases.add(Case.status("wrong method on a page", Request.get(page).method("DELETE").cookie(session)
        .header("X-CSRF-TOKEN", csrf), 405));
    cases.add(Case.status("bad outcome from the page", form(page + "/act", "outcome", "NOPE"), 400));
    cases.add(Case.status("version that is no number on save", form(page + "/edit", "version", "abc"), 400));
    cases.add(Case.status("year that is no number", form("/reports", "unitCode", "xintian-jsx", "year", "abc"), 400));
    cases.add(Case.status("invalid UTF-8 in a form", Request.bytes("POST", page + "/preview", null,
        "application/x-www-form-urlencoded", ("_csrf=" + enc(csrf) + "&overall.title=%C3%28").getBytes(
            StandardCharsets.US_ASCII)).cookie(session), 400));

    // CSRF: page posts need the session's token.
    cases.add(Case.status("save without CSRF token", Request.bytes("POST", page + "/edit", null,
        "application/x-www-form-urlencoded", ("version=" + version + "&overall.title=x").getBytes(StandardCharsets.UTF_8))
        .cookie(session), 403));
    cases.add(Case.status("step with a wrong CSRF token", Request.bytes("POST", page + "/act", null,
        "application/x-www-form-urlencoded", "outcome=APPROVE&_csrf=forged".getBytes(StandardCharsets.UTF_8))
        .cookie(session), 403));
    cases.add(Case.status("create without CSRF token", Request.bytes("POST", "/reports", null,
        "application/x-www-form-urlencoded", "unitCode=xintian-jsx&year=2092".getBytes(StandardCharsets.UTF_8))
        .cookie(session), 403));
    cases.add(Case.status("comment without session or token", Request.bytes("POST", page + "/comments", null,
        "application/x-www-form-urlencoded", "body=x".getBytes(StandardCharsets.UTF_8)), 403));
    cases.add(Case.status("page post with a bearer token only", Request.bytes("POST", page + "/preview", preparer,
        "application/x-www-form-urlencoded", "overall.title=x".getBytes(StandardCharsets.UTF_8)), 403));

    return cases.stream().map(c -> Arguments.of(c.name, c));
  }

  @Order(1)
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void isRefusedAndWritesNothing(String name, Case c) {
    long started = System.nanoTime();
    Response response = send(c.request);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(response.status).as("%s → %s", name, response.text()).isEqualTo(c.status);
    String text = response.text();
    assertThat(text).as("no exception text").doesNotContain("Exception", "at io.jixiao", "org.springframework",
        "org.postgresql", "java.lang", "tools.jackson", "ERROR:");
    if (c.problemType != null) {
      assertThat(response.header("content-type")).as(text).contains("application/problem+json");
      JsonNode problem = json.readTree(text);
      assertThat(problem.path("type").asString()).as(text).isEqualTo("urn:jixiao:problem:" + c.problemType);
      assertThat(problem.path("status").asInt()).isEqualTo(c.status);
      assertThat(problem.path("title").asString()).isNotBlank();
      if (c.field != null) {
        assertThat(problem.path("field").asString("") + " " + problem.path("detail").asString(""))
            .as(text).contains(c.field);
      }
    }
    if (c.pageText != null) {
      assertThat(text).contains(c.pageText);
    }
    assertThat(millis).as("%s answered in %d ms", name, millis).isLessThan(3_000);
    assertThat(rowCounts()).as("nothing written by " + name).isEqualTo(before);
  }

  @Test
  @Order(2)
  void theWholeBatchLeavesEveryTableAsItWas() {
    assertThat(cases().count()).isGreaterThanOrEqualTo(60);
    assertThat(rowCounts()).isEqualTo(before);
    assertThat(before).containsKeys("jixiao.report", "jixiao.report_version", "jixiao.audit_event");
  }

  /** The limits refuse nothing the editor itself sends: its own fields, posted back, preview as saved. */
  @Test
  @Order(3)
  void theEditorsOwnFormIsAccepted() {
    String html = send(Request.get("/reports/" + report).cookie(session)).text();
    List<String> pairs = new ArrayList<>();
    Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(html);
    while (input.find()) {
      String tag = input.group();
      String name = attribute(tag, "name");
      String type = attribute(tag, "type");
      if (name != null && !name.equals("_csrf") && !"submit".equals(type)
          && !("checkbox".equals(type) && !tag.contains("checked"))) {
        pairs.addAll(List.of(name, unescape(String.valueOf(attribute(tag, "value")).replace("null", ""))));
      }
    }
    Matcher textarea = Pattern.compile("<textarea\\b[^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(html);
    while (textarea.find()) {
      pairs.addAll(List.of(textarea.group(1), unescape(textarea.group(2))));
    }
    Matcher select = Pattern.compile("<select\\b[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(html);
    while (select.find()) {
      Matcher selected = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected").matcher(select.group(2));
      pairs.addAll(List.of(select.group(1), selected.find() ? unescape(selected.group(1)) : ""));
    }
    assertThat(pairs).as("the editor's fields").contains("overall.indicators[2].weight", "overall.funds[0].executed");

    Response preview = send(form("/reports/" + report + "/preview", pairs.toArray(String[]::new)));
    assertThat(preview.status).as(preview.text()).isEqualTo(200);
    assertThat(preview.text()).contains("id=\"total-score\">100.00").doesNotContain("表单中有无法识别");
    assertThat(rowCounts()).isEqualTo(before);
  }

  static String attribute(String tag, String name) {
    Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    return m.find() ? m.group(1) : null;
  }

  static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  // ---------------------------------------------------------------------------------------------
  // Case building

  record Case(String name, Request request, int status, String problemType, String field, String pageText) {

    static Case api(String name, Request request, int status, String type, String field) {
      return new Case(name, request, status, type, field, null);
    }

    /** A refusal whose body is not ours to shape (the container's, or the error page). */
    static Case status(String name, Request request, int status) {
      return new Case(name, request, status, null, null, null);
    }

    static Case page(String name, Request request, int status, String text) {
      return new Case(name, request, status, null, null, text);
    }

    Case status(int status, String type) {
      return new Case(name, request, status, type, field, pageText);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A PUT of the package with the hostile content, with the right ETag (so only the content can be refused). */
  Case content(String name, String body, String field) {
    return Case.api(name, Request.json("PUT", "/api/reports/" + report, preparer, body).ifMatch(version),
        400, "malformed-body", field);
  }

  Case token(String name, String token) {
    Request request = Request.get("/api/reports/" + report);
    return Case.api(name, token == null ? request : request.bearer(token), 401, "unauthorized", null);
  }

  /** A page form post in the logged-in session, with its CSRF token. */
  Request form(String path, String... pairs) {
    StringBuilder body = new StringBuilder("_csrf=").append(enc(csrf));
    for (int i = 0; i < pairs.length; i += 2) {
      body.append('&').append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
    }
    return Request.bytes("POST", path, null, "application/x-www-form-urlencoded",
        body.toString().getBytes(StandardCharsets.US_ASCII)).cookie(session);
  }

  /** The fields of {@code rows} filled indicator rows, 7 each. */
  static String[] indicatorRows(int rows) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String row = "overall.indicators[" + i + "].";
      pairs.addAll(List.of(row + "level1", "OUTPUT", row + "level2", "数量指标", row + "name", "指标" + i,
          row + "target", "≥1次", row + "actual", "1次", row + "weight", "0.5", row + "selfScore", "0.5"));
    }
    return pairs.toArray(String[]::new);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static byte[] utf8(String head, byte[] middle, String tail) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static byte[] multipart(int size) {
    String head = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n"
        + "Content-Type: application/json\r\n\r\n";
    return utf8(head, "a".repeat(size).getBytes(StandardCharsets.US_ASCII), "\r\n--b--\r\n");
  }

  static Map<String, Object> claims() {
    return Map.of("preferred_username", "xintian.preparer", "realm_access", Map.of("roles", List.of("preparer")),
        "units", List.of("xintian-jsx"));
  }

  static String signedWith(Map<String, Object> extra) {
    Map<String, Object> all = new LinkedHashMap<>(claims());
    all.putAll(extra);
    return TestTokens.sign(all, TestTokens.ISSUER, List.of("jixiao-api"), Instant.now().plusSeconds(7200));
  }

  /** The same claims, {"alg":"none"} and no signature. */
  static String unsigned(String token) {
    String header = Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + token.split("\\.")[1] + ".";
  }

  /** A valid signature over the preparer's claims, under a payload naming an administrator. */
  static String swappedPayload(String token) {
    String[] parts = token.split("\\.");
    String admin = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
        .replace("xintian.preparer", "admin").replace("\"preparer\"", "\"admin\"");
    return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(admin.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }

  static String foreignKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claimsSet());
      jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The classic confusion: HMAC keyed with the server's public key, which anybody has. */
  static String hmacWithPublicKey() {
    try (InputStream in = HostileInputTest.class.getResourceAsStream("/test-jwt/public.pem")) {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claimsSet());
      jwt.sign(new MACSigner(in.readAllBytes()));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JWTClaimsSet claimsSet() {
    JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience("jixiao-api")
        .subject("x").issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)));
    claims().forEach(builder::claim);
    return builder.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Raw HTTP

  record Request(String method, String target, List<String> headers, byte[] body, boolean chunked) {

    static Request get(String target) {
      return new Request("GET", target, List.of(), null, false);
    }

    static Request json(String method, String target, String token, String body) {
      return bytes(method, target, token, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Request bytes(String method, String target, String token, String contentType, byte[] body) {
      Request request = new Request(method, target, List.of(), body, false);
      request = token == null ? request : request.bearer(token);
      return contentType == null ? request : request.header("Content-Type", contentType);
    }

    Request method(String name) {
      return new Request(name, target, headers, body, chunked);
    }

    Request header(String name, String value) {
      List<String> all = new ArrayList<>(headers);
      all.add(name + ": " + value);
      return new Request(method, target, List.copyOf(all), body, chunked);
    }

    Request bearer(String token) {
      return header("Authorization", "Bearer " + token);
    }

    Request cookie(String sessionId) {
      return header("Cookie", PageSession.COOKIE + "=" + sessionId);
    }

    Request ifMatch(int version) {
      return header("If-Match", "\"" + version + "\"");
    }

    Request asChunks() {
      return new Request(method, target, headers, body, true);
    }

    @Override
    public String toString() {
      return method + " " + (target.length() > 80 ? target.substring(0, 80) + "…" : target);
    }
  }

  record Response(int status, Map<String, String> headers, byte[] body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(), "");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  Response send(Request request) {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      StringBuilder head = new StringBuilder(request.method).append(' ').append(request.target).append(" HTTP/1.1\r\n")
          .append("Host: localhost:").append(port).append("\r\nConnection: close\r\nAccept-Language: zh-CN\r\n");
      request.headers.forEach(h -> head.append(h).append("\r\n"));
      boolean declaresLength = request.headers.stream().anyMatch(h -> h.toLowerCase().startsWith("content-length:"));
      if (request.chunked) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else if (request.body != null && !declaresLength) {
        head.append("Content-Length: ").append(request.body.length).append("\r\n");
      }
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      // Written on its own thread: the server may answer (413) and close before reading it all.
      Thread writer = new Thread(() -> {
        try {
          out.write(head.toString().getBytes(StandardCharsets.UTF_8));
          if (request.body != null && request.chunked) {
            for (int off = 0; off < request.body.length; off += 8192) {
              int n = Math.min(8192, request.body.length - off);
              out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
              out.write(request.body, off, n);
              out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          } else if (request.body != null) {
            out.write(request.body);
          }
          out.flush();
        } catch (IOException closedByServer) {
          // the answer is what counts
        }
      });
      writer.start();
      byte[] raw = readAll(socket.getInputStream());
      writer.join(30_000);
      return parse(raw);
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(request + ": " + e, e);
    }
  }

  static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (java.net.SocketException resetAfterAnswer) {
      // a reset after the answer was sent (the server would not read the rest of our body)
    }
    return all.toByteArray();
  }

  static Response parse(byte[] raw) {
    int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    while (end > 0 && new String(raw, 0, end, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100")) {
      raw = java.util.Arrays.copyOfRange(raw, end + 4, raw.length); // 100 Continue, then the answer
      end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
    }
    assertThat(end).as("an HTTP answer: " + new String(raw, StandardCharsets.UTF_8)).isGreaterThan(0);
    String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
    if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
      body = dechunk(body);
    }
    return new Response(status, headers, body);
  }

  static byte[] dechunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pos = 0;
    while (pos < body.length) {
      int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), pos);
      if (lineEnd < 0) {
        break;
      }
      int size = Integer.parseInt(new String(body, pos, lineEnd - pos, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
      pos = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------
  // Row counts

  /**
   * Every table of ours but the page-session store (a refused page request may still leave a flash
   * message or CSRF token in its session), and the engine's tables a step writes (not its job
   * tables, which its executor works through on its own).
   */
  Map<String, Long> rowCounts() {
    List<String> tables = new ArrayList<>(jdbc.sql("""
        select table_schema || '.' || table_name from information_schema.tables
        where table_type = 'BASE TABLE' and (table_schema = 'jixiao' and table_name <> 'flyway_schema_history'
          and table_name not like 'spring_session%' and table_name <> 'oidc_session'
          or table_schema = 'public' and table_name in ('act_ru_task', 'act_ru_execution', 'act_ru_variable',
            'act_ru_identitylink', 'act_hi_taskinst', 'act_hi_procinst', 'act_hi_actinst', 'act_hi_varinst'))
        order by 1""").query(String.class).list());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : tables) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }
}
