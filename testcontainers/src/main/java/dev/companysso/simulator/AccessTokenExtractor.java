package dev.companysso.simulator;

/** Finds the access token where the dialect says the client puts it ({@link Dialect.TokenLocation}). */
final class AccessTokenExtractor {

    private AccessTokenExtractor() {
    }

    /** The token, or null when it is not at the expected place (a token elsewhere does not count). */
    static String extract(RecordedRequest r, Dialect d) {
        return switch (d.tokenLocation()) {
            case AUTHORIZATION_HEADER -> fromAuthorization(r.header("authorization"), d.authScheme());
            case QUERY -> blankToNull(r.queryParam(d.tokenParamName()));
            case FORM -> blankToNull(r.formParam(d.tokenParamName()));
            case CUSTOM_HEADER -> blankToNull(r.header(d.tokenParamName()));
        };
    }

    /** {@code <scheme> <token>} with the scheme compared case-insensitively (RFC 7235). */
    static String fromAuthorization(String header, String scheme) {
        if (header == null) {
            return null;
        }
        String prefix = scheme + " ";
        if (header.length() <= prefix.length() || !header.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return null;
        }
        return blankToNull(header.substring(prefix.length()).trim());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
