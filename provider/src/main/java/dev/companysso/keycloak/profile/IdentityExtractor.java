package dev.companysso.keycloak.profile;

import dev.companysso.keycloak.config.CompanySsoConfig;
import dev.companysso.keycloak.config.Setting;
import dev.companysso.keycloak.error.UpstreamException;
import dev.companysso.keycloak.error.UpstreamFailure;
import dev.companysso.keycloak.path.JsonPath;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the identity out of the merged profile with the configured paths. */
public final class IdentityExtractor {

    private final JsonPath idPath;
    private final JsonPath usernamePath;
    private final JsonPath emailPath;
    private final JsonPath emailVerifiedPath;
    private final JsonPath firstNamePath;
    private final JsonPath lastNamePath;
    private final JsonPath fullNamePath;

    public IdentityExtractor(CompanySsoConfig config) {
        this.idPath = config.path(Setting.ID_PATH);
        this.usernamePath = config.path(Setting.USERNAME_PATH);
        this.emailPath = config.path(Setting.EMAIL_PATH);
        this.emailVerifiedPath = config.path(Setting.EMAIL_VERIFIED_PATH);
        this.firstNamePath = config.path(Setting.FIRST_NAME_PATH);
        this.lastNamePath = config.path(Setting.LAST_NAME_PATH);
        this.fullNamePath = config.path(Setting.FULL_NAME_PATH);
    }

    public ExtractedIdentity extract(JsonNode profile) {
        String id = id(profile);
        String email = text(emailPath, profile);
        String username = text(usernamePath, profile);
        if (username == null) {
            username = email != null ? email : id;
        }
        String firstName = text(firstNamePath, profile);
        String lastName = text(lastNamePath, profile);
        if (firstName == null && lastName == null) {
            String[] split = splitFullName(text(fullNamePath, profile));
            firstName = split[0];
            lastName = split[1];
        }
        return new ExtractedIdentity(id, username, email, emailVerified(profile), firstName, lastName);
    }

    private String id(JsonNode profile) {
        JsonNode node = idPath.selectFirst(profile).orElse(null);
        if (node == null || node.isNull()) {
            throw new UpstreamException(UpstreamFailure.MISSING_ID, "no user id at " + idPath);
        }
        if (node.isContainerNode()) {
            throw new UpstreamException(UpstreamFailure.INVALID_ID, "the user id at " + idPath + " is an "
                    + (node.isArray() ? "array" : "object"));
        }
        String id = JsonPath.asText(node);
        if (id == null || id.isBlank()) {
            throw new UpstreamException(UpstreamFailure.MISSING_ID, "empty user id at " + idPath);
        }
        return id.trim();
    }

    private Boolean emailVerified(JsonNode profile) {
        if (emailVerifiedPath == null) {
            return null;
        }
        String value = emailVerifiedPath.selectText(profile).orElse(null);
        return value == null ? null : Boolean.valueOf("true".equalsIgnoreCase(value) || "1".equals(value));
    }

    private static String text(JsonPath path, JsonNode profile) {
        if (path == null) {
            return null;
        }
        return path.selectText(profile).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    /** "Alice Smith" -> Alice / Smith; a name without spaces (e.g. "张三") stays whole as the first name. */
    static String[] splitFullName(String fullName) {
        if (fullName == null) {
            return new String[] {null, null};
        }
        int space = fullName.lastIndexOf(' ');
        if (space < 0) {
            return new String[] {fullName, null};
        }
        return new String[] {fullName.substring(0, space).trim(), fullName.substring(space + 1).trim()};
    }
}
