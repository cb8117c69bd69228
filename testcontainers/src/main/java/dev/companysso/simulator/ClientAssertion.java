package dev.companysso.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks an RFC 7523 client assertion (client_secret_jwt with HS256, private_key_jwt with RS256). */
final class ClientAssertion {

    static final String TYPE_JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private ClientAssertion() {
    }

    static void verify(Map<String, String> params, String bodyId, String clientId, String clientSecret,
                       PublicKey clientKey) throws OAuthProblem {
        if (!TYPE_JWT_BEARER.equals(params.get("client_assertion_type"))) {
            throw OAuthProblem.invalidClient("client_assertion_type must be " + TYPE_JWT_BEARER, false);
        }
        String assertion = params.get("client_assertion");
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
        if (parts.length != 3) {
            throw OAuthProblem.invalidClient("client_assertion is not a compact JWS", false);
        }
        JsonNode header = parse(parts[0]);
        JsonNode claims = parse(parts[1]);
        if (header == null || claims == null) {
            throw OAuthProblem.invalidClient("client_assertion is not readable", false);
        }
        String alg = header.path("alg").asText();
        byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        byte[] signature;
        try {
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw OAuthProblem.invalidClient("client_assertion signature is not base64url", false);
        }
        boolean valid = switch (alg) {
            case "HS256" -> hs256(input, signature, clientSecret);
            case "RS256" -> clientKey != null && rs256(input, signature, clientKey);
            default -> false;
        };
        if (!valid) {
            throw OAuthProblem.invalidClient("client_assertion signature (" + alg + ") does not verify", false);
        }
        if (!clientId.equals(claims.path("iss").asText()) || !clientId.equals(claims.path("sub").asText())) {
            throw OAuthProblem.invalidClient("client_assertion iss and sub must be the client id", false);
        }
        if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() < Instant.now().getEpochSecond()) {
            throw OAuthProblem.invalidClient("client_assertion expired or without exp", false);
        }
        if (bodyId != null && !bodyId.equals(clientId)) {
            throw OAuthProblem.invalidClient("client id in the body differs from the assertion", false);
        }
    }

    private static JsonNode parse(String part) {
        try {
            JsonNode node = Json.tryParse(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
            return node != null && node.isObject() ? node : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hs256(byte[] input, byte[] signature, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return MessageDigest.isEqual(mac.doFinal(input), signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean rs256(byte[] input, byte[] signature, PublicKey key) {
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(key);
            rsa.update(input);
            return rsa.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
