package dev.companysso.keycloak.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.companysso.keycloak.path.JsonPath;
import dev.companysso.keycloak.path.PathSyntaxException;
import dev.companysso.keycloak.response.Envelope;
import dev.companysso.keycloak.response.ResponseFormat;

import org.keycloak.broker.oidc.OAuth2IdentityProviderConfig;
import org.keycloak.common.enums.SslRequired;
import org.keycloak.common.util.UriUtils;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;

/**
 * Typed, validated view over a Company SSO provider's stored config. Values live as strings in
 * {@code IdentityProviderModel.getConfig()} under {@link Setting#key()}; a missing value means the setting's default.
 */
public class CompanySsoConfig extends OAuth2IdentityProviderConfig {

    /** Value of a parameter-name setting that means "do not send this parameter". */
    public static final String OMIT = "-";

    public CompanySsoConfig() {
        super();
    }

    public CompanySsoConfig(IdentityProviderModel model) {
        super(model);
    }

    /** A new provider's config with every default filled in, so stored configs and realm exports show them. */
    public static CompanySsoConfig withDefaults() {
        CompanySsoConfig config = new CompanySsoConfig();
        Map<String, String> values = new HashMap<>();
        for (Setting setting : Setting.values()) {
            if (setting.defaultValue() != null && !setting.defaultValue().isEmpty()) {
                values.put(setting.key(), setting.defaultValue());
            }
        }
        config.setConfig(values);
        return config;
    }

    public String get(Setting setting) {
        String value = getConfig().get(setting.key());
        if (value == null || value.isBlank()) {
            return setting.defaultValue() == null ? "" : setting.defaultValue();
        }
        return value.trim();
    }

    public boolean isSet(Setting setting) {
        return !get(setting).isEmpty();
    }

    public boolean getBoolean(Setting setting) {
        return Boolean.parseBoolean(get(setting));
    }

    public int getInt(Setting setting) {
        return Integer.parseInt(get(setting));
    }

    /** The compiled path of a path setting, or null when the setting is empty. */
    public JsonPath path(Setting setting) {
        String expression = get(setting);
        return expression.isEmpty() ? null : JsonPath.compile(expression);
    }

    /** Name of a renameable parameter, or null when the admin chose to leave it out. */
    public String paramName(Setting setting) {
        String name = get(setting);
        return OMIT.equals(name) || name.isEmpty() ? null : name;
    }

    public List<NameValue> nameValues(Setting setting) {
        return NameValue.parseLines(get(setting), setting == Setting.USERINFO_HEADERS ? ':' : '=');
    }

    // --- typed accessors used by the provider --------------------------------------------------------------

    @Override
    public String getAuthorizationUrl() {
        return get(Setting.AUTHORIZATION_URL);
    }

    @Override
    public String getTokenUrl() {
        return get(Setting.TOKEN_URL);
    }

    @Override
    public String getUserInfoUrl() {
        return get(Setting.USERINFO_URL);
    }

    @Override
    public String getClientAuthMethod() {
        return get(Setting.CLIENT_AUTH_METHOD);
    }

    public boolean isClientAuthNone() {
        return "none".equals(getClientAuthMethod());
    }

    @Override
    public boolean isPkceEnabled() {
        return !"off".equals(get(Setting.PKCE));
    }

    @Override
    public String getPkceMethod() {
        return get(Setting.PKCE);
    }

    public List<String> scopes() {
        List<String> scopes = new ArrayList<>();
        for (String scope : get(Setting.DEFAULT_SCOPE).split("[\\s,]+")) {
            if (!scope.isEmpty()) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    public String scopeDelimiter() {
        return "comma".equals(get(Setting.SCOPE_DELIMITER)) ? "," : " ";
    }

    public boolean isJsonTokenRequest() {
        return "json".equals(get(Setting.TOKEN_REQUEST_BODY));
    }

    public ResponseFormat tokenResponseFormat() {
        return ResponseFormat.parse(get(Setting.TOKEN_RESPONSE_FORMAT));
    }

    public ResponseFormat userInfoResponseFormat() {
        return ResponseFormat.parse(get(Setting.USERINFO_RESPONSE_FORMAT));
    }

    public Envelope tokenEnvelope() {
        return new Envelope(path(Setting.TOKEN_SUCCESS_PATH), get(Setting.TOKEN_SUCCESS_VALUE),
                path(Setting.TOKEN_PAYLOAD_PATH), path(Setting.TOKEN_ERROR_MESSAGE_PATH),
                getBoolean(Setting.TOKEN_SUCCESS_WHEN_MISSING));
    }

    public Envelope userInfoEnvelope() {
        return new Envelope(path(Setting.USERINFO_SUCCESS_PATH), get(Setting.USERINFO_SUCCESS_VALUE),
                path(Setting.USERINFO_PAYLOAD_PATH), path(Setting.USERINFO_ERROR_MESSAGE_PATH),
                getBoolean(Setting.USERINFO_SUCCESS_WHEN_MISSING));
    }

    public boolean isUserInfoCallEnabled() {
        return !"none".equalsIgnoreCase(get(Setting.USERINFO_METHOD));
    }

    // --- validation: called by Keycloak on every admin create/update and realm import -------------------------

    @Override
    public void validate(RealmModel realm) {
        validate(realm == null ? SslRequired.NONE : realm.getSslRequired());
    }

    /** Checks every setting; the message names the field (label and key) so the admin knows what to fix. */
    public void validate(SslRequired sslRequired) {
        require(Setting.AUTHORIZATION_URL);
        require(Setting.TOKEN_URL);
        if (isUserInfoCallEnabled()) {
            require(Setting.USERINFO_URL);
        }
        for (Setting setting : Setting.values()) {
            String raw = getConfig().get(setting.key());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            switch (setting.kind()) {
                case URL -> checkUrl(sslRequired, setting);
                case LIST -> checkOption(setting);
                case BOOLEAN -> checkBoolean(setting);
                case TEXT -> checkNameValues(setting);
                case PATH -> checkPath(setting);
                case NUMBER -> checkPositiveInt(setting);
                case STRING -> { }
            }
        }
        requirePair(Setting.TOKEN_SUCCESS_PATH, Setting.TOKEN_SUCCESS_VALUE);
        requirePair(Setting.USERINFO_SUCCESS_PATH, Setting.USERINFO_SUCCESS_VALUE);
        if ("form".equals(get(Setting.USERINFO_TOKEN_LOCATION)) && !"POST".equals(get(Setting.USERINFO_METHOD))) {
            throw invalid(Setting.USERINFO_TOKEN_LOCATION, "'form' needs the POST method");
        }
    }

    private void require(Setting setting) {
        if (!isSet(setting)) {
            throw invalid(setting, "is required");
        }
    }

    private void requirePair(Setting path, Setting value) {
        if (isSet(path) && !isSet(value)) {
            throw invalid(value, "is required when '" + path.label() + "' is set");
        }
    }

    private void checkUrl(SslRequired sslRequired, Setting setting) {
        try {
            UriUtils.checkUrl(sslRequired, get(setting), setting.key());
        } catch (IllegalArgumentException e) {
            throw invalid(setting, "is not a valid http(s) URL" + (e.getMessage().contains("secure")
                    ? " (this realm requires https for non-local hosts)" : ""));
        }
    }

    private void checkOption(Setting setting) {
        if (!setting.options().contains(get(setting))) {
            throw invalid(setting, "must be one of " + String.join(", ", setting.options()));
        }
    }

    private void checkBoolean(Setting setting) {
        String value = get(setting);
        if (!"true".equals(value) && !"false".equals(value)) {
            throw invalid(setting, "must be true or false");
        }
    }

    private void checkNameValues(Setting setting) {
        try {
            nameValues(setting);
        } catch (IllegalArgumentException e) {
            throw invalid(setting, e.getMessage());
        }
    }

    private void checkPath(Setting setting) {
        try {
            path(setting);
        } catch (PathSyntaxException e) {
            throw invalid(setting, "is not a valid path: " + e.getMessage());
        }
    }

    private void checkPositiveInt(Setting setting) {
        try {
            if (getInt(setting) > 0) {
                return;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw invalid(setting, "must be a positive whole number");
    }

    private static IllegalArgumentException invalid(Setting setting, String problem) {
        return new IllegalArgumentException("Company SSO: '" + setting.label() + "' (" + setting.key() + ") " + problem);
    }
}
