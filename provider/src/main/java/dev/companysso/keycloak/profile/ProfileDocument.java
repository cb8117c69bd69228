package dev.companysso.keycloak.profile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.companysso.keycloak.upstream.TokenAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON document that identity extraction and every mapper read with the same paths: the token answer's
 * fields (e.g. WeChat's 'openid'), overlaid by the user info answer, plus the second profile call under its key.
 * Raw tokens are left out, so the document is safe to store for mappers and to show in a dry run.
 */
public final class ProfileDocument {

    private ProfileDocument() {
    }

    /** The profile of one sign-in: the token answer (its tokens left out), the user info and the second call. */
    public static ObjectNode from(TokenAnswer token, ObjectNode userInfo, String extraKey, ObjectNode extra) {
        List<String> secrets = new ArrayList<>(List.of(token.accessToken()));
        if (token.refreshToken() != null) {
            secrets.add(token.refreshToken());
        }
        return merge(token.payload(), userInfo, secrets, extraKey, extra);
    }

    /**
     * @param tokenPayload the token answer's payload (after the envelope), or null
     * @param userInfo     the user info payload, or null when there is no user info call
     * @param secrets      token values to leave out wherever they appear as a top-level field of the token payload
     * @param extraKey     key for the second profile call's answer
     * @param extra        the second profile call's payload, or null
     */
    public static ObjectNode merge(ObjectNode tokenPayload, ObjectNode userInfo, List<String> secrets,
                                   String extraKey, ObjectNode extra) {
        ObjectNode profile = JsonNodeFactory.instance.objectNode();
        if (tokenPayload != null) {
            profile.setAll(withoutSecrets(tokenPayload, secrets));
        }
        if (userInfo != null) {
            profile.setAll(userInfo);
        }
        if (extra != null) {
            profile.set(extraKey, extra);
        }
        return profile;
    }

    private static ObjectNode withoutSecrets(ObjectNode payload, List<String> secrets) {
        ObjectNode copy = payload.deepCopy();
        List<String> drop = new ArrayList<>(List.of("access_token", "refresh_token", "id_token"));
        for (Iterator<Map.Entry<String, JsonNode>> it = copy.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isTextual() && secrets.contains(field.getValue().textValue())) {
                drop.add(field.getKey());
            }
        }
        copy.remove(drop);
        return copy;
    }
}
