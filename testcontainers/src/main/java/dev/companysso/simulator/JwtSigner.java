package dev.companysso.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/**
 * Signs compact RS256 JWTs and publishes the key as a JWKS (RFC 7517). The RSA key is generated once per JVM, in
 * the background as soon as the first simulator starts, so that starting simulators stays fast.
 */
final class JwtSigner {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final CompletableFuture<KeyPair> SHARED_KEY = CompletableFuture.supplyAsync(JwtSigner::generate);

    private volatile KeyPair wrongKeyPair;

    private static KeyPair keyPair() {
        return SHARED_KEY.join();
    }

    /** Signs the claims; with {@code wrongKey} a different key is used under the same kid. */
    String sign(ObjectNode claims, boolean wrongKey) {
        ObjectNode header = Json.MAPPER.createObjectNode().put("alg", "RS256").put("typ", "JWT").put("kid", kid());
        String signingInput = b64(Json.write(header)) + "." + b64(Json.write(claims));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign((wrongKey ? wrongKey() : keyPair()).getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign JWT", e);
        }
    }

    RSAPublicKey publicKey() {
        return (RSAPublicKey) keyPair().getPublic();
    }

    String kid() {
        return kidOf(publicKey());
    }

    /** {@code {"keys":[{"kty":"RSA","kid":..,"use":"sig","alg":"RS256","n":..,"e":..}]}}. */
    ObjectNode jwks() {
        RSAPublicKey pub = publicKey();
        ObjectNode jwks = Json.MAPPER.createObjectNode();
        jwks.putArray("keys").addObject()
                .put("kty", "RSA")
                .put("kid", kid())
                .put("use", "sig")
                .put("alg", "RS256")
                .put("n", B64URL.encodeToString(unsigned(pub.getModulus())))
                .put("e", B64URL.encodeToString(unsigned(pub.getPublicExponent())));
        return jwks;
    }

    private KeyPair wrongKey() {
        KeyPair k = wrongKeyPair;
        if (k == null) {
            synchronized (this) {
                if (wrongKeyPair == null) {
                    wrongKeyPair = generate();
                }
                k = wrongKeyPair;
            }
        }
        return k;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate RSA key", e);
        }
    }

    private static String kidOf(RSAPublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(unsigned(key.getModulus()));
            return B64URL.encodeToString(Arrays.copyOf(hash, 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Big-endian bytes without the sign byte (as JWK wants them). */
    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(String json) {
        return B64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
