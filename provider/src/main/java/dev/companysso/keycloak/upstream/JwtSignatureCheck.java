package dev.companysso.keycloak.upstream;

import java.nio.charset.StandardCharsets;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamCall;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.response.ResponseFormat;
import dev.companysso.keycloak.response.UpstreamAnswer;
import dev.companysso.keycloak.response.UpstreamResponseReader;

import org.keycloak.crypto.AsymmetricSignatureVerifierContext;
import org.keycloak.crypto.ECDSASignatureVerifierContext;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.jose.jwk.JSONWebKeySet;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.util.JWKSUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Checks the signature of a user info answer that is a JWT, against the SSO's JWKS, when the admin configured a
 * JWKS URL. Only asymmetric algorithms are accepted: 'none' and HMAC would let anyone forge a profile.
 */
final class JwtSignatureCheck {

    private final UpstreamHttp http;
    private final CompanySsoConfig config;

    JwtSignatureCheck(UpstreamHttp http, CompanySsoConfig config) {
        this.http = http;
        this.config = config;
    }

    boolean applies(ResponseFormat format, UpstreamAnswer answer) {
        if (!config.isSet(Setting.USERINFO_JWKS_URL) || answer.body() == null) {
            return false;
        }
        return format == ResponseFormat.JWT
                || format == ResponseFormat.AUTO && UpstreamResponseReader.looksLikeJwt(answer.body().trim());
    }

    void verify(UpstreamCall call, String compactJwt) {
        JWSInput jws;
        try {
            jws = new JWSInput(compactJwt);
        } catch (Exception e) {
            throw new UpstreamException(UpstreamFailure.MALFORMED, call.label() + ": not a well-formed JWT");
        }
        String alg = jws.getHeader().getRawAlgorithm();
        if (alg == null || !(alg.startsWith("RS") || alg.startsWith("PS") || alg.startsWith("ES"))) {
            throw new UpstreamException(UpstreamFailure.INVALID_SIGNATURE, call.label() + ": JWT algorithm not accepted: " + alg);
        }
        KeyWrapper key = findKey(jws.getHeader().getKeyId(), alg);
        if (key == null) {
            throw new UpstreamException(UpstreamFailure.INVALID_SIGNATURE, call.label() + ": no JWKS key matches the JWT");
        }
        if (key.getAlgorithm() == null) {
            key.setAlgorithm(alg);
        }
        byte[] signed = jws.getEncodedSignatureInput().getBytes(StandardCharsets.US_ASCII);
        boolean valid;
        try {
            var verifier = KeyType.EC.equals(key.getType())
                    ? new ECDSASignatureVerifierContext(key) : new AsymmetricSignatureVerifierContext(key);
            valid = verifier.verify(signed, jws.getSignature());
        } catch (Exception e) {
            valid = false;
        }
        if (!valid) {
            throw new UpstreamException(UpstreamFailure.INVALID_SIGNATURE, call.label() + ": JWT signature does not verify");
        }
    }

    private KeyWrapper findKey(String kid, String alg) {
        UpstreamAnswer answer = http.execute(UpstreamCall.JWKS, http.get(config.get(Setting.USERINFO_JWKS_URL)));
        if (answer.status() / 100 != 2 || answer.body() == null) {
            throw new UpstreamException(UpstreamFailure.HTTP_ERROR, UpstreamCall.JWKS.label() + " answered HTTP " + answer.status());
        }
        try {
            JSONWebKeySet keySet = JsonSerialization.readValue(answer.body(), JSONWebKeySet.class);
            return JWKSUtils.getKeyWrappersForUse(keySet, JWK.Use.SIG).getKeyByKidAndAlg(kid, alg);
        } catch (Exception e) {
            throw new UpstreamException(UpstreamFailure.MALFORMED, UpstreamCall.JWKS.label() + ": not a JSON Web Key Set");
        }
    }
}
