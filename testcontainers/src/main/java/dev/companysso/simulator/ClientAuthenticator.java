package dev.companysso.simulator;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

/** Checks the client's credentials on the token endpoint per {@link Dialect.ClientAuth}. */
final class ClientAuthenticator {

    /** A decoded HTTP Basic header. */
    record BasicCredentials(String id, String secret) {
    }

    private ClientAuthenticator() {
    }

    /** Returns the authenticated client id or throws an invalid_client problem. */
    static String authenticate(RecordedRequest r, Dialect d, Map<String, String> params,
                               String clientId, String clientSecret) throws OAuthProblem {
        return authenticate(r, d, params, clientId, clientSecret, null);
    }

    /** As above; {@code clientKey} verifies RS256 client assertions in {@link Dialect.ClientAuth#JWT} mode. */
    static String authenticate(RecordedRequest r, Dialect d, Map<String, String> params,
                               String clientId, String clientSecret, PublicKey clientKey) throws OAuthProblem {
        String header = r.header("authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        String bodyId = params.get(d.tokenParamNames().clientId());
        String bodySecret = params.get(d.tokenParamNames().clientSecret());
        switch (d.clientAuth()) {
            case POST -> {
                if (basic) {
                    throw OAuthProblem.invalidClient("this SSO expects the client credentials in the request body, "
                            + "not in an Authorization: Basic header", true);
                }
                checkBody(bodyId, bodySecret, clientId, clientSecret, d);
            }
            case BASIC, BASIC_UNENCODED -> {
                if (!basic) {
                    throw OAuthProblem.invalidClient("HTTP Basic client authentication required", false);
                }
                if (bodySecret != null) {
                    throw OAuthProblem.invalidClient("client secret must not also be sent in the body", true);
                }
                BasicCredentials c = decode(header, d.clientAuth() == Dialect.ClientAuth.BASIC);
                checkBasic(c, bodyId, clientId, clientSecret);
            }
            case NONE -> {
                if (!clientId.equals(bodyId)) {
                    throw OAuthProblem.invalidClient("unknown client", false);
                }
            }
            case ANY -> {
                if (basic) {
                    BasicCredentials encoded = decode(header, true);
                    BasicCredentials raw = decode(header, false);
                    if (matches(encoded, clientId, clientSecret)) {
                        checkBasic(encoded, bodyId, clientId, clientSecret);
                    } else {
                        checkBasic(raw, bodyId, clientId, clientSecret);
                    }
                } else {
                    checkBody(bodyId, bodySecret, clientId, clientSecret, d);
                }
            }
            case JWT -> {
                if (basic || bodySecret != null) {
                    throw OAuthProblem.invalidClient("this SSO expects a signed client assertion, not a secret", basic);
                }
                ClientAssertion.verify(params, bodyId, clientId, clientSecret, clientKey);
            }
            default -> throw new IllegalStateException(d.clientAuth().toString());
        }
        return clientId;
    }

    private static void checkBody(String bodyId, String bodySecret, String clientId, String clientSecret, Dialect d)
            throws OAuthProblem {
        if (bodyId == null || bodySecret == null) {
            throw OAuthProblem.invalidClient("missing " + d.tokenParamNames().clientId() + " or "
                    + d.tokenParamNames().clientSecret(), false);
        }
        if (!clientId.equals(bodyId) || !clientSecret.equals(bodySecret)) {
            throw OAuthProblem.invalidClient("bad client credentials", false);
        }
    }

    private static void checkBasic(BasicCredentials c, String bodyId, String clientId, String clientSecret)
            throws OAuthProblem {
        if (c == null || !matches(c, clientId, clientSecret)) {
            throw OAuthProblem.invalidClient("bad client credentials", true);
        }
        if (bodyId != null && !bodyId.equals(clientId)) {
            throw OAuthProblem.invalidClient("client id in the body differs from the Basic credentials", true);
        }
    }

    private static boolean matches(BasicCredentials c, String clientId, String clientSecret) {
        return c != null && clientId.equals(c.id()) && clientSecret.equals(c.secret());
    }

    /** Decodes {@code Basic base64(id:secret)}; with {@code formDecode} both halves are URL-decoded. */
    static BasicCredentials decode(String header, boolean formDecode) {
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String id = decoded.substring(0, colon);
            String secret = decoded.substring(colon + 1);
            return formDecode ? new BasicCredentials(FormCodec.decode(id), FormCodec.decode(secret))
                    : new BasicCredentials(id, secret);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code Basic base64(urlencode(id):urlencode(secret))} or unencoded. */
    static String basicHeader(String id, String secret, boolean formEncode) {
        String pair = formEncode ? FormCodec.encode(id) + ":" + FormCodec.encode(secret) : id + ":" + secret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

}
