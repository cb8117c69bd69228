package dev.companysso.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.mapper.NameTranslation;
import dev.companysso.keycloak.mapper.ProfileValues;
import dev.companysso.keycloak.path.JsonPath;
import dev.companysso.keycloak.profile.ExtractedIdentity;
import dev.companysso.keycloak.profile.IdentityExtractor;
import dev.companysso.keycloak.profile.ProfileDocument;
import dev.companysso.keycloak.response.UpstreamAnswer;
import dev.companysso.keycloak.response.UpstreamResponseReader;
import dev.companysso.keycloak.upstream.SsoClient;
import dev.companysso.keycloak.upstream.TokenAnswer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The extension's own CPU work for one login, without any I/O: what {@code CompanySsoIdentityProvider} and its
 * mappers do between receiving the SSO's answers and handing Keycloak the identity. {@code seedLogin} and
 * {@code envelopeLogin} are one whole login (token answer and user info answer parsed, profile merged, identity
 * extracted, a role-list mapper and a group-list mapper applied to a 20-role, 3-department profile); the other
 * benchmarks are the parts. Target: well under 50 µs per login.
 *
 * <p>Run: {@code ./scripts/jmh.sh} (or {@code --smoke}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProviderWorkBenchmark {

    static final int ROLES = 20;

    /** The seed SSO's answers, as the dialect suites see them. */
    static final String SEED_TOKEN = """
            {"access_token":"AT-7f3c9a2e-51b4-4c0e-9d1f-2b8e6a4c0d11","token_type":"bearer","expires_in":7200,\
            "refresh_token":"RT-0b6d2f4e-8a1c-4f3e-b5d7-9c2e1a0f3b22","scope":"app"}""";
    static final String SEED_USERINFO = userinfo();
    static final String ENVELOPE_TOKEN = "{\"code\":0,\"msg\":\"ok\",\"data\":" + SEED_TOKEN + "}";
    static final String ENVELOPE_USERINFO = "{\"code\":0,\"msg\":\"ok\",\"data\":" + SEED_USERINFO + "}";

    /** role-N=kc-role-N for every role: the role-list mapper's translation table. */
    static final String ROLE_TABLE = IntStream.rangeClosed(1, ROLES)
            .mapToObj(i -> "role-" + i + "=kc-role-" + i).collect(Collectors.joining("\n"));
    static final String GROUP_TABLE = "RD=/engineering\nOPS=/operations\nSALES=/sales";

    CompanySsoConfig seed;
    CompanySsoConfig envelope;
    UpstreamAnswer seedToken;
    UpstreamAnswer seedUserinfo;
    UpstreamAnswer envelopeToken;
    UpstreamAnswer envelopeUserinfo;
    TokenAnswer parsedToken;
    ObjectNode parsedUserinfo;
    ObjectNode profile;
    IdentityExtractor extractor;

    @Setup
    public void setUp() {
        seed = config(Map.of());
        envelope = config(Map.of(
                "tokenSuccessPath", "$.code", "tokenSuccessValue", "0", "tokenPayloadPath", "$.data",
                "tokenErrorMessagePath", "$.msg",
                "userInfoSuccessPath", "$.code", "userInfoSuccessValue", "0", "userInfoPayloadPath", "$.data",
                "userInfoErrorMessagePath", "$.msg"));
        seedToken = new UpstreamAnswer(200, "application/json;charset=UTF-8", SEED_TOKEN);
        seedUserinfo = new UpstreamAnswer(200, "application/json;charset=UTF-8", SEED_USERINFO);
        envelopeToken = new UpstreamAnswer(200, "text/html;charset=UTF-8", ENVELOPE_TOKEN);
        envelopeUserinfo = new UpstreamAnswer(200, "application/json", ENVELOPE_USERINFO);
        parsedToken = SsoClient.readTokenAnswer(seed, UpstreamCall.TOKEN, seedToken);
        parsedUserinfo = readUserinfo(seed, seedUserinfo);
        profile = ProfileDocument.from(parsedToken, parsedUserinfo, seed.get(Setting.PROFILE_KEY), null);
        extractor = new IdentityExtractor(seed);
        // Fail fast if the inputs do not mean what the benchmark claims.
        Object[] check = login(seed, seedToken, seedUserinfo);
        if (!"10001".equals(((ExtractedIdentity) check[0]).id()) || ((List<?>) check[1]).size() != ROLES
                || ((List<?>) check[2]).size() != 3) {
            throw new IllegalStateException("unexpected benchmark result " + List.of(check));
        }
        Object[] env = login(envelope, envelopeToken, envelopeUserinfo);
        if (!env[0].equals(check[0])) {
            throw new IllegalStateException("envelope login differs: " + env[0]);
        }
    }

    // ------------------------------------------------------------------ one whole login

    @Benchmark
    public void seedLogin(Blackhole bh) {
        bh.consume(login(seed, seedToken, seedUserinfo));
    }

    @Benchmark
    public void envelopeLogin(Blackhole bh) {
        bh.consume(login(envelope, envelopeToken, envelopeUserinfo));
    }

    // ------------------------------------------------------------------ the parts

    @Benchmark
    public TokenAnswer parseSeedToken() {
        return SsoClient.readTokenAnswer(seed, UpstreamCall.TOKEN, seedToken);
    }

    @Benchmark
    public ObjectNode parseSeedUserinfo() {
        return readUserinfo(seed, seedUserinfo);
    }

    @Benchmark
    public ObjectNode parseEnvelopeUserinfo() {
        return readUserinfo(envelope, envelopeUserinfo);
    }

    @Benchmark
    public void pathEvaluation(Blackhole bh) {
        bh.consume(JsonPath.compile("$.contact.email").selectText(profile));
        bh.consume(JsonPath.compile("$.roles[*]").selectTexts(profile));
        bh.consume(JsonPath.compile("$.depts[*].code").selectTexts(profile));
    }

    @Benchmark
    public ObjectNode profileMerge() {
        return ProfileDocument.from(parsedToken, parsedUserinfo, seed.get(Setting.PROFILE_KEY), null);
    }

    @Benchmark
    public ExtractedIdentity identityExtraction() {
        return new IdentityExtractor(seed).extract(profile);
    }

    @Benchmark
    public List<String> mapping20Roles() {
        return roles(profile);
    }

    // ------------------------------------------------------------------ what the provider does per login

    /** As CompanySsoIdentityProvider and the mappers do it: configs read and paths compiled per login. */
    static Object[] login(CompanySsoConfig config, UpstreamAnswer tokenAnswer, UpstreamAnswer userinfoAnswer) {
        TokenAnswer token = SsoClient.readTokenAnswer(config, UpstreamCall.TOKEN, tokenAnswer);
        ObjectNode userInfo = readUserinfo(config, userinfoAnswer);
        ObjectNode profile = ProfileDocument.from(token, userInfo, config.get(Setting.PROFILE_KEY), null);
        ExtractedIdentity identity = new IdentityExtractor(config).extract(profile);
        return new Object[] {identity, roles(profile), groups(profile)};
    }

    static ObjectNode readUserinfo(CompanySsoConfig config, UpstreamAnswer answer) {
        return UpstreamResponseReader.read(UpstreamCall.USERINFO, answer, config.userInfoResponseFormat(),
                config.userInfoEnvelope());
    }

    /** The role-list mapper: values at {@code $.roles}, translated through a 20-line table. */
    static List<String> roles(ObjectNode profile) {
        ProfileValues values = ProfileValues.read(profile, JsonPath.compile("$.roles"), null);
        return new NameTranslation(ROLE_TABLE, false, "", "").apply(values.values());
    }

    /** The group-list mapper: {@code $.depts}, element path {@code $.code}. */
    static List<String> groups(ObjectNode profile) {
        ProfileValues values = ProfileValues.read(profile, JsonPath.compile("$.depts"), JsonPath.compile("$.code"));
        return new NameTranslation(GROUP_TABLE, true, "", "").apply(values.values());
    }

    static CompanySsoConfig config(Map<String, String> extra) {
        CompanySsoConfig c = CompanySsoConfig.withDefaults();
        Map<String, String> m = c.getConfig();
        m.put("clientId", "aaa");
        m.put("clientSecret", "bbb");
        m.put("authorizationUrl", "https://mycompany.sso.com/sso/oauth/authorize?uuid=CF7E5931A9C3F11770B700F3F7106FEB");
        m.put("tokenUrl", "https://mycompany.sso.com/sso/oauth/token");
        m.put("userInfoUrl", "https://mycompany.sso.com/sso/oauth/userinfo");
        m.put("defaultScope", "app");
        m.put("clientAuthMethod", "client_secret_post");
        m.put("tokenExtraParams", "scope=app");
        m.put("idPath", "$.id");
        m.put("usernamePath", "$.account");
        m.put("emailPath", "$.contact.email");
        m.put("emailVerifiedPath", "$.contact.verified");
        m.put("firstNamePath", "$.name.first");
        m.put("lastNamePath", "$.name.last");
        m.put("fullNamePath", "$.name.full");
        m.putAll(extra);
        return c;
    }

    /** The seed dialect's nested profile of zhangsan, with 20 roles and 3 departments. */
    static String userinfo() {
        String roles = IntStream.rangeClosed(1, ROLES).mapToObj(i -> "\"role-" + i + "\"")
                .collect(Collectors.joining(","));
        return "{\"id\":10001,\"account\":\"zhangsan\","
                + "\"contact\":{\"email\":\"zhangsan@example.com\",\"verified\":true},"
                + "\"name\":{\"first\":\"三\",\"last\":\"张\",\"full\":\"张三\"},"
                + "\"roles\":[" + roles + "],"
                + "\"depts\":[{\"code\":\"RD\",\"name\":\"研发部\"},{\"code\":\"OPS\",\"name\":\"运维部\"},"
                + "{\"code\":\"SALES\",\"name\":\"销售部\"}]}";
    }
}
