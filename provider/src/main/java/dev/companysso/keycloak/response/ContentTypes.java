package dev.companysso.keycloak.response;

import java.util.Locale;

/** Reads the Content-Type header just enough to sniff forms and to name it safely in failure details. */
final class ContentTypes {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_SHOWN = 100;

    private ContentTypes() {
    }

    static boolean isForm(String contentType) {
        return FORM.equals(mediaType(contentType));
    }

    /** application/xml, text/xml, application/something+xml; XHTML is a web page, not XML data. */
    static boolean isXml(String contentType) {
        String mediaType = mediaType(contentType);
        return mediaType != null && !mediaType.equals("application/xhtml+xml")
                && (mediaType.endsWith("/xml") || mediaType.endsWith("+xml"));
    }

    /** "content type text/html" for details; a header that is not a plain media type is not echoed. */
    static String describe(String contentType) {
        String mediaType = mediaType(contentType);
        if (mediaType == null) {
            return "no content type";
        }
        return isPlainMediaType(mediaType) ? "content type " + mediaType : "an unrecognised content type";
    }

    /** The type/subtype part, lowercase, without parameters such as charset; null when absent. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return mediaType.isEmpty() ? null : mediaType.toLowerCase(Locale.ROOT);
    }

    private static boolean isPlainMediaType(String mediaType) {
        if (mediaType.length() > MAX_SHOWN) {
            return false;
        }
        for (int i = 0; i < mediaType.length(); i++) {
            char c = mediaType.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "/.+-_!#$&^".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
